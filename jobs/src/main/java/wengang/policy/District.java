package wengang.policy;

/** A district office of the policy's city (reference/districts.csv). */
public record District(String code, String name) {}
