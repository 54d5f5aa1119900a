package wengang.policy;

/** The policy file is missing, unreadable or lacks a parameter the engine needs. */
public final class PolicyException extends IllegalArgumentException {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
