package wengang.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import wengang.engine.Bundled;
import wengang.engine.Location;

/**
 * Reads a policy file (YAML) once, on the driver, into an immutable {@link Policy}: the default
 * one bundled in the jar (conf/policies/), or one the user names (any {@link Location}). Its
 * districts file is read beside it.
 */
public final class PolicyLoader {
    public static final String DEFAULT_POLICY = "policies/guangzhou-2023.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every parameter the engine reads; a policy file without one of them is refused at load. */
    static final List<String> REQUIRED = List.of(
            "covered_statuses", "origin_prefectures", "window_first_month", "window_last_month",
            "application_deadline", "employment_insurance_types", "established_staff_types",
            "established_insurance_types", "requalify_months", "grace_months", "si_subsidy_insurance_types",
            "living_monthly_amount", "transport_yearly_amount", "annual_decision_month",
            "dispatch_one_time_amount", "dispatch_min_hires", "new_hire_lookback_months",
            "training_hourly_amount", "training_max_hours_per_day", "training_excluded_unit_types",
            "payment_cycle_months", "retroactive_after_months", "short_stay_months", "short_stay_share",
            "overclaim_tolerance", "fulfilment_statuses", "province_region");

    private PolicyLoader() {}

    /** conf/policies/guangzhou-2023.yaml as bundled in the jar. */
    public static Policy loadDefault() {
        return parse(Bundled.bytes(DEFAULT_POLICY), "conf/" + DEFAULT_POLICY,
                relative -> Bundled.bytes(java.nio.file.Path.of(DEFAULT_POLICY).resolveSibling(relative).normalize()
                        .toString().replace('\\', '/')));
    }

    public static Policy load(Location file) {
        byte[] bytes;
        try {
            bytes = file.readAllBytes();
        } catch (UncheckedIOException e) {
            throw new PolicyException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString(), relative -> file.parent().resolve(relative).readAllBytes());
    }

    /**
     * @param file    how the policy is named in messages
     * @param sibling the bytes of a file named relative to the policy's folder (its districts file)
     */
    static Policy parse(byte[] bytes, String file, Function<String, byte[]> sibling) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (IOException e) {
            throw new PolicyException("policy file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        String name = text(root, "policy", file);
        String version = text(root, "version", file);
        String title = root.path("title").asText("");
        String city = text(root, "city_region", file);
        String districtsFile = text(root, "districts_file", file);

        Map<String, Parameter> params = parameters(root, file);
        for (String key : REQUIRED) {
            if (!params.containsKey(key)) {
                throw new PolicyException("policy file " + file + " lacks parameter '" + key + "'");
            }
        }
        return new Policy(name, version, title, sha256(bytes), city, districts(districtsFile, sibling, city, file), params);
    }

    /**
     * The dated parameters of another conf file in the policy's format (a {@code parameters:}
     * map, each with rule, description, source and values keyed by effective date), such as
     * conf/alerts.yaml.
     *
     * @param file how the file is named in messages
     */
    public static Map<String, Parameter> readParameters(byte[] yaml, String file) {
        try {
            return parameters(YAML.readTree(yaml), file);
        } catch (IOException e) {
            throw new PolicyException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Map<String, Parameter> parameters(JsonNode root, String file) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), parameter(e.getKey(), e.getValue(), file));
        }
        return params;
    }

    private static Parameter parameter(String key, JsonNode node, String file) {
        JsonNode values = node.path("values");
        if (!values.isObject() || values.isEmpty()) {
            throw new PolicyException(file + ": parameter " + key + " needs 'values: {yyyy-MM-dd: value}'");
        }
        if (node.path("source").asText("").isBlank()) {
            throw new PolicyException(file + ": parameter " + key + " needs a 'source' (the seed paragraph)");
        }
        TreeMap<LocalDate, JsonNode> dated = new TreeMap<>();
        values.fields().forEachRemaining(v -> {
            try {
                dated.put(LocalDate.parse(v.getKey()), v.getValue());
            } catch (DateTimeParseException ex) {
                throw new PolicyException(file + ": parameter " + key + ": '" + v.getKey()
                        + "' is not an effective date yyyy-MM-dd", ex);
            }
        });
        return new Parameter(key, node.path("rule").asText(""), node.path("description").asText(""),
                node.path("source").asText(), dated);
    }

    private static List<District> districts(String csv, Function<String, byte[]> sibling, String city,
                                            String policyFile) {
        List<District> out = new ArrayList<>();
        try {
            List<String> lines = new String(sibling.apply(csv), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (f.length >= 3 && f[2].trim().equals(city)) {
                    out.add(new District(f[0].trim(), f[1].trim()));
                }
            }
        } catch (RuntimeException e) {
            throw new PolicyException("cannot read districts file " + csv + " of policy " + policyFile + ": "
                    + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new PolicyException("districts file " + csv + " of policy " + policyFile
                    + " lists no district of city " + city);
        }
        return out;
    }

    private static String text(JsonNode root, String key, String file) {
        String v = root.path(key).asText("");
        if (v.isBlank()) {
            throw new PolicyException("policy file " + file + " lacks '" + key + "'");
        }
        return v;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
