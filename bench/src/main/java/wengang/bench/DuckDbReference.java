package wengang.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import wengang.engine.EngineSettings;
import wengang.policy.Parameter;
import wengang.policy.Policy;
import wengang.policy.PolicyLoader;
import wengang.policy.Rules;
import wengang.schemas.Money;
import wengang.schemas.Months;
import wengang.schemas.Tables;

/**
 * Runs bench/duckdb/cycle_core.sql on DuckDB (in memory, a fixed number of threads) over an
 * input folder of the generator, several times in one connection (the last run is the warm
 * figure), writes its SI_SUBSIDY/LIVING claim months and decisions as CSV, and, given
 * wengang's output folder of the same cycle, checks that both agree.
 *
 * <pre>DuckDbReference --input DIR --cycle yyyy-MM --out DIR [--sql FILE] [--threads 2] [--runs 2]
 *                 [--policy FILE] [--wengang-out DIR] [--temp DIR] [--json FILE] [--profile true]</pre>
 *
 * The cycle and every policy parameter the SQL needs are read from the policy file as of the
 * cycle's first day (wengang's own {@link PolicyLoader}, so both sides read the same numbers)
 * and handed to the SQL as DuckDB variables; dated amounts as the table policy_amounts.
 */
public final class DuckDbReference {
    private static final int EXAMPLES = 10;

    private DuckDbReference() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Path input = Path.of(Args.required(a, "input"));
        int cycle = Months.parseOrThrow(Args.required(a, "cycle"));
        Path out = Path.of(Args.required(a, "out"));
        Path sql = Path.of(a.getOrDefault("sql", Path.of(System.getenv().getOrDefault("WENGANG_HOME", ".")).resolve("bench/duckdb/cycle_core.sql").toString()));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "2"));
        boolean profile = Boolean.parseBoolean(a.getOrDefault("profile", "false"));
        Policy policy = a.containsKey("policy") ? PolicyLoader.load(wengang.engine.Location.local(Path.of(a.get("policy")))) : PolicyLoader.loadDefault();
        Files.createDirectories(out);

        List<String> statements = statements(Files.readString(sql, StandardCharsets.UTF_8));
        List<Double> times = new ArrayList<>();
        StringBuilder json = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            exec(c, "SET threads = " + threads);
            exec(c, "SET preserve_insertion_order = false");
            if (a.containsKey("temp")) {
                exec(c, "SET temp_directory = " + literal(a.get("temp")));
            }
            String version = single(c, "SELECT version()");
            bindInputs(c, input);
            bindPolicy(c, policy, cycle);
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                for (String st : statements) {
                    long t = System.nanoTime();
                    exec(c, st);
                    if (profile) {
                        System.err.printf(java.util.Locale.ROOT, "duckdb: %7.3f s  %s%n", (System.nanoTime() - t) / 1e9,
                                st.lines().findFirst().orElse(""));
                    }
                }
                times.add((System.nanoTime() - s) / 1e9);
            }
            exec(c, "COPY (SELECT claim_id, month, status, amount, coalesce(reason, '') AS reason FROM duck_claim_months"
                    + " ORDER BY claim_id, month) TO " + literal(out.resolve("claim_months.csv").toString()) + " (HEADER)");
            exec(c, "COPY (SELECT * FROM duck_claim_decisions ORDER BY claim_id) TO "
                    + literal(out.resolve("claim_decisions.csv").toString()) + " (HEADER)");
            json.append("{\"duckdb_version\": ").append(Args.quote(version))
                    .append(", \"threads\": ").append(threads)
                    .append(", \"runs_s\": ").append(Args.list(times))
                    .append(", \"warm_s\": ").append(Args.fmt(times.get(times.size() - 1)))
                    .append(", \"contribution_rows\": ").append(single(c, "SELECT count(*) FROM raw_contributions"))
                    .append(", \"narrowed_rows\": ").append(single(c, "SELECT count(*) FROM contributions"))
                    .append(", \"person_months\": ").append(single(c, "SELECT count(*) FROM person_months"))
                    .append(", \"claim_months\": ").append(single(c, "SELECT count(*) FROM duck_claim_months"))
                    .append(", \"claim_decisions\": ").append(single(c, "SELECT count(*) FROM duck_claim_decisions"))
                    // the SQL does not trim the big table's fields (see cycle_core.sql): count any that would need it
                    .append(", \"untrimmed_contribution_fields\": ").append(single(c, "SELECT count(*) FROM raw_contributions"
                            + " WHERE " + List.of("person_id", "employer_id", "region_code", "month", "insurance_type", "base",
                                    "personal_amount", "pay_status", "paid_on", "staff_type").stream()
                                    .map(f -> "coalesce(" + f + " <> txt(" + f + "), false)").collect(Collectors.joining(" OR "))));
            if (a.containsKey("wengang-out")) {
                json.append(", \"agreement\": ").append(agreement(c, Path.of(a.get("wengang-out"))));
            }
            json.append("}");
        }
        Args.writeJson(a.get("json"), json.toString());
        System.out.println(json);
    }

    /** Statements of the script: each ends with ';' at the end of a line; '--' comment lines dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /** raw_&lt;table&gt; views over the input folder: &lt;table&gt;.parquet (file or folder) or &lt;table&gt;.csv, all text. */
    static void bindInputs(Connection c, Path input) throws SQLException, IOException {
        for (String table : List.of(Tables.CONTRIBUTIONS.name(), Tables.EMPLOYERS.name(), Tables.REGISTRY.name(),
                Tables.CLAIMS.name(), Tables.CARDS.name())) {
            Path parquet = input.resolve(table + ".parquet");
            Path csv = input.resolve(table + ".csv");
            String source;
            if (Files.isDirectory(parquet)) {
                source = "read_parquet(" + literal(parquet.resolve("*.parquet").toString()) + ")";
            } else if (Files.isRegularFile(parquet)) {
                source = "read_parquet(" + literal(parquet.toString()) + ")";
            } else if (Files.isRegularFile(csv)) {
                source = "read_csv(" + literal(csv.toString()) + ", header = true, all_varchar = true)";
            } else {
                throw new IllegalArgumentException("input folder " + input + " has no " + table + ".parquet or .csv");
            }
            exec(c, "CREATE OR REPLACE VIEW raw_" + table + " AS SELECT * FROM " + source);
        }
    }

    /** The cycle and the policy parameters as of its first day, as DuckDB variables and policy_amounts. */
    static void bindPolicy(Connection c, Policy policy, int cycle) throws SQLException {
        Rules r = policy.rulesAt(cycle);
        LocalDate firstDay = Months.firstDay(cycle);
        exec(c, "SET VARIABLE cycle = " + cycle);
        exec(c, "SET VARIABLE cycle_first_day = DATE " + literal(firstDay.toString()));
        exec(c, "SET VARIABLE last_decided = " + Months.plus(cycle, -1));
        exec(c, "SET VARIABLE city_region = " + literal(r.cityRegion()));
        exec(c, "SET VARIABLE district_codes = " + array(r.districtCodes()));
        exec(c, "SET VARIABLE covered_statuses = " + array(r.coveredStatuses()));
        exec(c, "SET VARIABLE origin_prefectures = " + array(r.originPrefectures()));
        exec(c, "SET VARIABLE window_first_month = " + r.windowFirstMonth());
        exec(c, "SET VARIABLE window_last_month = " + r.windowLastMonth());
        exec(c, "SET VARIABLE application_deadline = DATE " + literal(r.applicationDeadline().toString()));
        exec(c, "SET VARIABLE employment_insurance_types = " + array(r.employmentInsuranceTypes()));
        exec(c, "SET VARIABLE established_staff_types = " + array(r.establishedStaffTypes()));
        exec(c, "SET VARIABLE established_insurance_types = " + array(r.establishedInsuranceTypes()));
        exec(c, "SET VARIABLE si_subsidy_insurance_types = " + array(r.siSubsidyInsuranceTypes()));
        exec(c, "SET VARIABLE requalify_months = " + r.requalifyMonths());
        exec(c, "SET VARIABLE grace_months = " + r.graceMonths());
        // dated money: each month gets the value in force on its first day; months before the
        // first date the first value (wengang.policy.Policy#moneyForMonth)
        exec(c, "CREATE OR REPLACE TABLE policy_amounts (key VARCHAR, from_month INTEGER, to_month INTEGER, amount DECIMAL(14, 2))");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_amounts VALUES (?, ?, ?, ?)")) {
            for (String key : List.of("living_monthly_amount")) {
                Parameter p = policy.parameter(key);
                List<Map.Entry<LocalDate, com.fasterxml.jackson.databind.JsonNode>> entries = new ArrayList<>(p.values().entrySet());
                for (int i = 0; i < entries.size(); i++) {
                    int from = i == 0 ? 0 : Months.of(entries.get(i).getKey());
                    int to = i + 1 < entries.size() ? Months.plus(Months.of(entries.get(i + 1).getKey()), -1) : 999912;
                    ps.setString(1, key);
                    ps.setInt(2, from);
                    ps.setInt(3, to);
                    ps.setBigDecimal(4, Money.of(entries.get(i).getValue().asText()));
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * Compares DuckDB's SI_SUBSIDY/LIVING claim months (claim_id, month, status, reason, amount) and
     * decisions (decision, approved_amount, reasons) with wengang's claim_months.csv and
     * claim_decisions.csv of the same cycle, restricted to the same claims. Returns a JSON object.
     */
    static String agreement(Connection c, Path wengangOut) throws SQLException {
        String months = literal(wengangOut.resolve("claim_months.csv").toString());
        String decisions = literal(wengangOut.resolve("claim_decisions.csv").toString());
        exec(c, "CREATE OR REPLACE TEMP TABLE personal_claims AS SELECT DISTINCT claim_id FROM claims_asof"
                + " WHERE scheme = 'CITY_2023' AND subsidy IN ('SI_SUBSIDY', 'LIVING')");
        exec(c, "CREATE OR REPLACE TEMP TABLE w_months AS SELECT claim_id, CAST(month AS INTEGER) AS month, status,"
                + " CAST(amount AS DECIMAL(14, 2)) AS amount, coalesce(reason, '') AS reason"
                + " FROM read_csv(" + months + ", header = true, all_varchar = true) SEMI JOIN personal_claims USING (claim_id)");
        exec(c, "CREATE OR REPLACE TEMP TABLE w_decisions AS SELECT claim_id, decision,"
                + " CAST(approved_amount AS DECIMAL(14, 2)) AS approved_amount, coalesce(reasons, '') AS reasons"
                + " FROM read_csv(" + decisions + ", header = true, all_varchar = true) SEMI JOIN personal_claims USING (claim_id)");
        exec(c, "CREATE OR REPLACE TEMP TABLE cmp_months AS SELECT coalesce(w.claim_id, d.claim_id) AS claim_id,"
                + " coalesce(w.month, d.month) AS month, w.status AS w_status, d.status AS d_status, w.reason AS w_reason,"
                + " coalesce(d.reason, '') AS d_reason, w.amount AS w_amount, d.amount AS d_amount,"
                + " CASE WHEN w.claim_id IS NULL THEN 'only_duckdb' WHEN d.claim_id IS NULL THEN 'only_wengang'"
                + " WHEN w.status = d.status AND w.reason = coalesce(d.reason, '') AND w.amount = d.amount THEN 'agree'"
                + " ELSE 'differ' END AS outcome"
                + " FROM w_months w FULL OUTER JOIN duck_claim_months d ON w.claim_id = d.claim_id AND w.month = d.month");
        exec(c, "CREATE OR REPLACE TEMP TABLE cmp_decisions AS SELECT coalesce(w.claim_id, d.claim_id) AS claim_id,"
                + " w.decision AS w_decision, d.decision AS d_decision, w.approved_amount AS w_amount,"
                + " d.approved_amount AS d_amount, w.reasons AS w_reasons, d.reasons AS d_reasons,"
                + " CASE WHEN w.claim_id IS NULL THEN 'only_duckdb' WHEN d.claim_id IS NULL THEN 'only_wengang'"
                + " WHEN w.decision = d.decision AND w.approved_amount = d.approved_amount AND w.reasons = d.reasons"
                + " THEN 'agree' ELSE 'differ' END AS outcome"
                + " FROM w_decisions w FULL OUTER JOIN duck_claim_decisions d ON w.claim_id = d.claim_id");
        StringBuilder j = new StringBuilder("{\"claim_months\": ");
        j.append(counts(c, "cmp_months")).append(", \"claim_months_differences_by_kind\": ")
                .append(rows(c, "SELECT coalesce(w_status, '-') || '/' || coalesce(w_reason, '-') || ' vs duckdb '"
                        + " || coalesce(d_status, '-') || '/' || coalesce(d_reason, '-') || CASE WHEN w_amount <> d_amount"
                        + " THEN ' (amount)' ELSE '' END AS kind, count(*) AS n FROM cmp_months WHERE outcome <> 'agree'"
                        + " GROUP BY ALL ORDER BY n DESC, kind LIMIT 20"))
                .append(", \"claim_months_examples\": ")
                .append(rows(c, "SELECT * FROM cmp_months WHERE outcome <> 'agree' ORDER BY claim_id, month LIMIT " + EXAMPLES))
                .append(", \"claim_decisions\": ").append(counts(c, "cmp_decisions"))
                .append(", \"claim_decisions_examples\": ")
                .append(rows(c, "SELECT * FROM cmp_decisions WHERE outcome <> 'agree' ORDER BY claim_id LIMIT " + EXAMPLES))
                .append(", \"claim_months_by_status\": ")
                .append(rows(c, "SELECT d_status AS status, count(*) AS n FROM cmp_months WHERE d_status IS NOT NULL"
                        + " GROUP BY ALL ORDER BY status"))
                .append("}");
        return j.toString();
    }

    private static String counts(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE outcome = 'agree'),"
                + " count(*) FILTER (WHERE outcome = 'differ'), count(*) FILTER (WHERE outcome = 'only_duckdb'),"
                + " count(*) FILTER (WHERE outcome = 'only_wengang'), count(*) FROM " + table)) {
            rs.next();
            return "{\"agree\": " + rs.getLong(1) + ", \"differ\": " + rs.getLong(2) + ", \"only_duckdb\": " + rs.getLong(3)
                    + ", \"only_wengang\": " + rs.getLong(4) + ", \"total\": " + rs.getLong(5) + "}";
        }
    }

    /** Rows of a query as a JSON array of objects (values as text). */
    private static String rows(Connection c, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    String text = v == null ? null : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
                    fields.add(Args.quote(rs.getMetaData().getColumnLabel(i)) + ": "
                            + (v instanceof Number && !(v instanceof BigDecimal) ? text : Args.quote(text)));
                }
                out.add(fields.stream().collect(Collectors.joining(", ", "{", "}")));
            }
        }
        return out.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in: " + statement, e);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String array(List<String> values) {
        return values.stream().map(DuckDbReference::literal).collect(Collectors.joining(", ", "[", "]"));
    }
}
