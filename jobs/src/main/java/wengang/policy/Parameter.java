package wengang.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One policy parameter: its values keyed by the date they take effect, the rule it
 * serves (P1…) and the seed paragraph it comes from.
 */
public record Parameter(String name, String rule, String description, String source,
                        NavigableMap<LocalDate, JsonNode> values) {
    public Parameter {
        if (values == null || values.isEmpty()) {
            throw new PolicyException("parameter " + name + " has no values");
        }
        values = new TreeMap<>(values);
    }

    /** The value in force on {@code date}; before the first effective date, the first value. */
    public JsonNode at(LocalDate date) {
        Map.Entry<LocalDate, JsonNode> e = values.floorEntry(date);
        return e != null ? e.getValue() : values.firstEntry().getValue();
    }

    public boolean isConstant() {
        return values.size() == 1;
    }
}
