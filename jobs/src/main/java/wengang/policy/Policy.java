package wengang.policy;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.spark.sql.Column;
import wengang.schemas.Money;
import wengang.schemas.Months;

/**
 * A policy read from conf/policies/*.yaml: dated parameters, the city and its district
 * offices, and the file's hash (recorded with every output). Immutable.
 */
public final class Policy {
    private final String name;
    private final String version;
    private final String title;
    private final String sha256;
    private final String cityRegion;
    private final List<District> districts;
    private final Map<String, Parameter> parameters;

    Policy(String name, String version, String title, String sha256, String cityRegion,
           List<District> districts, Map<String, Parameter> parameters) {
        this.name = name;
        this.version = version;
        this.title = title;
        this.sha256 = sha256;
        this.cityRegion = cityRegion;
        this.districts = List.copyOf(districts);
        this.parameters = Map.copyOf(parameters);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String sha256() {
        return sha256;
    }

    /** "name@version", written in the policy_version column of every output. */
    public String label() {
        return name + "@" + version;
    }

    public String cityRegion() {
        return cityRegion;
    }

    public List<District> districts() {
        return districts;
    }

    public List<String> districtCodes() {
        return districts.stream().map(District::code).toList();
    }

    public Parameter parameter(String key) {
        Parameter p = parameters.get(key);
        if (p == null) {
            throw new PolicyException("policy " + name + " has no parameter '" + key + "'");
        }
        return p;
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** The parameters in force for cycle {@code cycle} (its first day). */
    public Rules rulesAt(int cycle) {
        return new Rules(this, Months.firstDay(cycle));
    }

    /**
     * A money parameter as a Spark column of the month it pays for: each month gets the
     * value in force on its first day, so a dated change of amount applies from its date.
     */
    public Column moneyForMonth(String key, Column yyyymm) {
        NavigableMap<LocalDate, JsonNode> values = parameter(key).values();
        List<Map.Entry<LocalDate, JsonNode>> entries = new ArrayList<>(values.descendingMap().entrySet());
        // newest first in the CASE: the first effective date not after the month wins;
        // months before the first date get the first value
        Column out = lit(money(entries.get(entries.size() - 1).getValue(), key)).cast(Money.TYPE);
        Column expr = null;
        for (Map.Entry<LocalDate, JsonNode> e : entries) {
            Column cond = yyyymm.geq(lit(Months.of(e.getKey())));
            Column value = lit(money(e.getValue(), key)).cast(Money.TYPE);
            expr = expr == null ? when(cond, value) : expr.when(cond, value);
        }
        return expr.otherwise(out);
    }

    static BigDecimal money(JsonNode node, String key) {
        try {
            return Money.of(node.asText());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new PolicyException("parameter " + key + ": '" + node.asText() + "' is not yuan with two decimals", e);
        }
    }
}
