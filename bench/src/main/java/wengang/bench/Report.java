package wengang.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles one run of bench/run into bench/results/&lt;date&gt;.json and .md and copies the
 * headline figures to bench/results/latest.json. Reads what bench/run left in the run folder:
 * machine.json, and per scale folder meta.json, cycle.time / cycle.err (the job's progress log),
 * eventlog.json ({@link EventLogStats}), scan.json ({@link ScanFloor}), duck.json and duck.time
 * ({@link DuckDbReference}), out/ (the cycle's outputs, where an optional plan-statistics file
 * of the job is looked for); small/ for the 2,000-person cycle; concurrent-&lt;rows&gt;/ for two runs
 * of one cycle at once (meta.json with the ledger check, a/ and b/ with each run's cycle.time and
 * cycle.err).
 *
 * <pre>Report --run-dir DIR --scales a,b,c --results DIR --date yyyy-MM-dd</pre>
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names the job may write its plan statistics under (in the cycle's --out folder); read when present. */
    static final List<String> PLAN_STATS_FILES = List.of("plan_stats.json", "plan-stats.json", "plan_statistics.json");
    /** A progress line's finished step: "(reading warehouse … done in 9544 ms)" or "(recording the run took 2101 ms)". */
    private static final Pattern STEP_MS = Pattern.compile("\\(([^()]*?) (?:done in|took) (\\d+) ms\\)");

    private Report() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Args.parse(args);
        Path run = Path.of(Args.required(a, "run-dir"));
        Path results = Path.of(Args.required(a, "results"));
        String date = Args.required(a, "date");
        List<String> scaleDirs = a.getOrDefault("scales", "").isBlank() ? List.of()
                : List.of(a.get("scales").split(","));

        ObjectNode doc = JSON.createObjectNode();
        doc.put("date", date);
        doc.set("machine", read(run.resolve("machine.json")));
        ArrayNode scales = doc.putArray("scales");
        for (String dir : scaleDirs) {
            scales.add(scale(run.resolve(dir)));
        }
        JsonNode small = Files.isDirectory(run.resolve("small")) ? cycleFigures(run.resolve("small")) : NullNode.instance;
        doc.set("small_cycle", small);
        ArrayNode monthly = doc.putArray("monthly");
        for (String dir : list(a, "monthly")) {
            monthly.add(monthly(run.resolve(dir)));
        }
        ArrayNode csv = doc.putArray("csv_ingest");
        for (String dir : list(a, "csv")) {
            csv.add(csvIngest(run.resolve(dir)));
        }
        ArrayNode concurrent = doc.putArray("concurrent_runs");
        for (String dir : list(a, "concurrent")) {
            concurrent.add(concurrentRuns(run.resolve(dir)));
        }
        ObjectNode headline = headline(scales, small);
        // the largest scale measured of each
        JsonNode lastMonthly = monthly.isEmpty() ? JSON.createObjectNode() : monthly.get(monthly.size() - 1);
        JsonNode lastCsv = csv.isEmpty() ? JSON.createObjectNode() : csv.get(csv.size() - 1);
        headline.set("ingest_rows_per_s_csv", orNull(lastCsv.path("ingest_rows_per_s_csv")));
        headline.set("ingest_rows_per_s_csv_at_rows", orNull(lastCsv.path("contribution_rows")));
        headline.set("incremental_over_full", orNull(lastMonthly.path("incremental_over_full")));
        headline.set("incremental_over_full_at_rows", orNull(lastMonthly.path("target_rows")));
        headline.set("incremental_outputs_identical", orNull(lastMonthly.path("identical_outputs")));
        JsonNode lastConcurrent = concurrent.isEmpty() ? JSON.createObjectNode() : concurrent.get(concurrent.size() - 1);
        headline.set("concurrent_one_set_of_entries", orNull(lastConcurrent.path("one_set_of_entries")));
        headline.set("concurrent_at_rows", orNull(lastConcurrent.path("target_rows")));
        headline.set("concurrent_exit_codes", orNull(lastConcurrent.path("exit_codes")));
        doc.set("headline", headline);

        Files.createDirectories(results);
        Files.writeString(results.resolve(date + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(results.resolve("latest.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(headline) + "\n", StandardCharsets.UTF_8);
        String md = markdown(doc);
        Files.writeString(results.resolve(date + ".md"), md, StandardCharsets.UTF_8);
        System.out.print(md);
    }

    private static List<String> list(Map<String, String> a, String key) {
        return a.getOrDefault(key, "").isBlank() ? List.of() : List.of(a.get(key).split(","));
    }

    private static JsonNode orNull(JsonNode n) {
        return n.isMissingNode() ? NullNode.instance : n;
    }

    /** A new month: ingest of the increment, the cycle on the kept state and the full recompute. */
    static ObjectNode monthly(Path dir) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        JsonNode meta = read(dir.resolve("meta.json"));
        m.set("target_rows", meta.path("target_rows"));
        m.set("generator_options", meta.path("gen_args"));
        m.set("increment_contribution_rows", meta.path("increment_contribution_rows"));
        m.set("snapshot_ingest", timing(dir.resolve("first").resolve("ingest.time")));
        m.set("first_cycle", cycleFigures(dir.resolve("first")));
        m.set("increment_ingest", timing(dir.resolve("increment.time")));
        ObjectNode incremental = cycleFigures(dir.resolve("incremental"));
        ObjectNode full = cycleFigures(dir.resolve("full"));
        m.set("incremental_cycle", incremental);
        m.set("full_recompute_cycle", full);
        m.set("incremental_over_full", ratio(incremental.path("cycle_s"), full.path("cycle_s")));
        m.set("identical_outputs", meta.path("identical_outputs"));
        // persons,persons_with_new_month,rows,rows_of_new_month of silver/person_contributions
        Path state = dir.resolve("state.csv");
        if (Files.isRegularFile(state)) {
            List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
            if (lines.size() == 2) {
                String[] k = lines.get(0).split(",");
                String[] v = lines.get(1).split(",");
                ObjectNode o = JSON.createObjectNode();
                for (int i = 0; i < k.length && i < v.length; i++) {
                    o.put(k[i].trim(), Long.parseLong(v[i].trim()));
                }
                m.set("kept_state", o);
            }
        }
        return m;
    }

    /**
     * Two `verify` of one cycle at once in separate JVMs (bench/run's meta.json: exit codes, whether
     * both met at the ledger commit, the re-run of a stopped one, the ledger's entries, distinct
     * entries and named commits of the cycle, the payment files compared) and each run's figures.
     */
    static ObjectNode concurrentRuns(Path dir) throws IOException {
        ObjectNode c = JSON.createObjectNode();
        c.setAll((ObjectNode) read(dir.resolve("meta.json")));
        c.set("run_a", cycleFigures(dir.resolve("a")));
        c.set("run_b", cycleFigures(dir.resolve("b")));
        return c;
    }

    /** The whole `wengang ingest` command on the CSV province. */
    static ObjectNode csvIngest(Path dir) throws IOException {
        ObjectNode c = JSON.createObjectNode();
        JsonNode meta = read(dir.resolve("meta.json"));
        c.set("target_rows", meta.path("target_rows"));
        c.set("contribution_rows", meta.path("contribution_lines"));
        c.set("csv_bytes", meta.path("csv_bytes"));
        JsonNode t = timing(dir.resolve("ingest.time"));
        c.set("ingest", t);
        c.set("ingest_rows_per_s_csv", ratio(meta.path("contribution_lines"), t.path("s")));
        return c;
    }

    private static JsonNode timing(Path time) throws IOException {
        if (!Files.isRegularFile(time)) {
            return NullNode.instance;
        }
        String[] f = Files.readString(time).trim().split("\\s+");
        ObjectNode o = JSON.createObjectNode();
        o.set("s", num(Double.parseDouble(f[0])));
        o.set("peak_rss_mib", num(Long.parseLong(f[1]) / 1024.0));
        return o;
    }

    static ObjectNode scale(Path dir) throws IOException {
        ObjectNode s = JSON.createObjectNode();
        JsonNode meta = read(dir.resolve("meta.json"));
        s.set("target_rows", meta.path("target_rows"));
        s.set("generator_options", meta.path("gen_args"));
        s.set("seed", meta.path("seed"));
        JsonNode scan = read(dir.resolve("scan.json"));
        JsonNode duck = read(dir.resolve("duck.json"));
        s.set("contribution_rows", scan.path("rows").isMissingNode() ? duck.path("contribution_rows") : scan.path("rows"));
        s.set("narrowed_rows", duck.path("narrowed_rows"));
        s.set("generate", meta.path("generate"));
        s.set("ingest", meta.path("ingest"));
        // the whole `wengang ingest` command (JVM start and the five small tables included)
        // over the contribution rows: a lower bound of the contributions' own rate
        s.set("ingest_s", meta.path("ingest").path("s"));
        s.set("ingest_rows_per_s_parquet", ratio(s.path("contribution_rows"), meta.path("ingest").path("s")));
        ObjectNode cycle = cycleFigures(dir);
        s.setAll(cycle);
        s.set("scan_s", scan.path("warm_s"));
        s.set("scan_runs_s", scan.path("runs_s"));
        s.set("duckdb_s", duck.path("warm_s"));
        s.set("duckdb_runs_s", duck.path("runs_s"));
        s.set("duckdb_peak_rss_mib", peakRssMib(dir.resolve("duck.time")));
        s.set("scan_load_before_after", load(dir.resolve("scan.load")));
        s.set("duckdb_load_before_after", load(dir.resolve("duck.load")));
        s.set("duckdb_threads", duck.path("threads"));
        s.set("duckdb_version", duck.path("duckdb_version"));
        s.set("cycle_over_scan", ratio(cycle.path("cycle_s"), scan.path("warm_s")));
        s.set("spark_over_duckdb", ratio(cycle.path("cycle_s"), duck.path("warm_s")));
        s.set("eventlog", read(dir.resolve("eventlog.json")));
        s.set("plan_stats", planStats(dir.resolve("out")));
        s.set("duckdb_untrimmed_contribution_fields", duck.path("untrimmed_contribution_fields"));
        s.set("agreement", duck.path("agreement"));
        return s;
    }

    /** cycle_s (in the session: the job's progress steps summed), cycle_wall_s and peak RSS of the process. */
    static ObjectNode cycleFigures(Path dir) throws IOException {
        ObjectNode c = JSON.createObjectNode();
        Path time = dir.resolve("cycle.time");
        Path err = dir.resolve("cycle.err");
        if (Files.isRegularFile(err)) {
            long ms = 0;
            boolean done = false;
            ObjectNode steps = JSON.createObjectNode();
            for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
                if (line.contains("progress: wengang cycle ")) {
                    Matcher m = STEP_MS.matcher(line);
                    if (m.find()) {
                        long stepMs = Long.parseLong(m.group(2));
                        ms += stepMs;
                        // the step's name without the paths and versions it names
                        String step = m.group(1).replaceAll(" (/|at versions).*", "").trim();
                        steps.put(step, steps.path(step).asLong() + stepMs);
                    }
                    done |= line.contains(": done in ");
                }
            }
            c.set("cycle_s", done ? num(ms / 1000.0) : NullNode.instance);
            c.set("cycle_steps_ms", steps);
        }
        if (Files.isRegularFile(time)) {
            String[] f = Files.readString(time).trim().split("\\s+");
            c.set("cycle_wall_s", num(Double.parseDouble(f[0])));
            c.set("peak_rss_mib", num(Long.parseLong(f[1]) / 1024.0));
        }
        c.set("cycle_load_before_after", load(dir.resolve("cycle.load")));
        return c;
    }

    static ObjectNode headline(ArrayNode scales, JsonNode small) {
        ObjectNode h = JSON.createObjectNode();
        JsonNode top = scales.isEmpty() ? JSON.createObjectNode() : scales.get(scales.size() - 1);
        for (String k : List.of("contribution_rows", "cycle_s", "scan_s", "duckdb_s", "cycle_over_scan", "spark_over_duckdb")) {
            h.set(k, top.path(k).isMissingNode() ? NullNode.instance : top.path(k));
        }
        JsonNode t7 = null;
        JsonNode t8 = null;
        for (JsonNode s : scales) {
            long target = s.path("target_rows").asLong();
            if (target == 10_000_000L) {
                t7 = s.path("cycle_s");
            }
            if (target == 100_000_000L) {
                t8 = s.path("cycle_s");
            }
        }
        h.set("scale_10x_ratio", t7 != null && t8 != null ? ratio(t8, t7) : NullNode.instance);
        h.set("small_cycle_s", small.path("cycle_s").isMissingNode() ? NullNode.instance : small.path("cycle_s"));
        h.set("peak_rss_mib", top.path("peak_rss_mib").isMissingNode() ? NullNode.instance : top.path("peak_rss_mib"));
        // only what the job itself reports (a plan-statistics file in its --out folder); the
        // event-log count is in the per-scale figures (eventlog.fact_table_exchanges)
        JsonNode plan = top.path("plan_stats");
        h.set("fact_table_exchanges", plan.path("fact_table_exchanges").isMissingNode() ? NullNode.instance
                : plan.path("fact_table_exchanges"));
        h.set("ingest_rows_per_s_parquet", top.path("ingest_rows_per_s_parquet").isMissingNode() ? NullNode.instance
                : top.path("ingest_rows_per_s_parquet"));
        ArrayNode per = h.putArray("per_scale");
        for (JsonNode s : scales) {
            ObjectNode p = JSON.createObjectNode();
            for (String k : List.of("target_rows", "contribution_rows", "cycle_s", "cycle_wall_s", "scan_s", "duckdb_s",
                    "cycle_over_scan", "spark_over_duckdb", "peak_rss_mib", "duckdb_peak_rss_mib", "ingest_s",
                    "ingest_rows_per_s_parquet")) {
                p.set(k, s.path(k).isMissingNode() ? NullNode.instance : s.path(k));
            }
            JsonNode ev = s.path("eventlog");
            for (String k : List.of("fact_table_exchanges", "contribution_scans", "contribution_checkpoint_scans",
                    "shuffle_write_bytes", "disk_spill_bytes",
                    "memory_spill_bytes", "spark_jobs")) {
                p.set("eventlog_" + k, ev.path(k).isMissingNode() ? NullNode.instance : ev.path(k));
            }
            p.set("duckdb_agreement", agreementSummary(s.path("agreement")));
            per.add(p);
        }
        h.set("duckdb_agreement", top.isMissingNode() ? NullNode.instance : agreementSummary(top.path("agreement")));
        return h;
    }

    static JsonNode agreementSummary(JsonNode a) {
        if (a.isMissingNode()) {
            return NullNode.instance;
        }
        ObjectNode o = JSON.createObjectNode();
        o.set("claim_months", a.path("claim_months"));
        o.set("claim_decisions", a.path("claim_decisions"));
        return o;
    }

    static String markdown(JsonNode doc) {
        StringBuilder b = new StringBuilder();
        JsonNode m = doc.path("machine");
        JsonNode h = doc.path("headline");
        b.append("# wengang benchmark, ").append(doc.path("date").asText()).append("\n\n");
        b.append("Machine: ").append(m.path("cpu").asText()).append(", ").append(m.path("cores").asText()).append(" cores, ")
                .append(m.path("memory_gib").asText()).append(" GiB; load average at start ").append(m.path("load_at_start").asText())
                .append(". ").append(m.path("java").asText()).append("; Spark ").append(m.path("spark").asText())
                .append(", Delta ").append(m.path("delta").asText()).append(", DuckDB ").append(m.path("duckdb").asText())
                .append("; commit ").append(m.path("commit").asText()).append(", cycle ").append(m.path("cycle").asText())
                .append(", seed ").append(m.path("seed").asText()).append(".\n\n");
        b.append("| contribution rows (target) | rows | cycle s | cycle wall s | scan s | DuckDB s | cycle ÷ scan | Spark ÷ DuckDB"
                + " | peak RSS MiB | DuckDB RSS MiB | Exchanges over contribution rows | reads of contribution rows (table + checkpoint) | shuffle MiB | spill MiB"
                + " | Spark jobs | load during cycle |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode s : doc.path("scales")) {
            JsonNode ev = s.path("eventlog");
            b.append("| ").append(String.format(Locale.ROOT, "%.0e", s.path("target_rows").asDouble()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", s.path("contribution_rows").asLong()))
                    .append(" | ").append(t(s, "cycle_s")).append(" | ").append(t(s, "cycle_wall_s"))
                    .append(" | ").append(t(s, "scan_s")).append(" | ").append(t(s, "duckdb_s"))
                    .append(" | ").append(t(s, "cycle_over_scan")).append(" | ").append(t(s, "spark_over_duckdb"))
                    .append(" | ").append(t(s, "peak_rss_mib")).append(" | ").append(t(s, "duckdb_peak_rss_mib"))
                    .append(" | ").append(t(ev, "fact_table_exchanges")).append(" | ").append(t(ev, "contribution_scans"))
                    .append(" + ").append(t(ev, "contribution_checkpoint_scans"))
                    .append(" | ").append(mib(ev.path("shuffle_write_bytes")))
                    .append(" | ").append(mib(ev.path("disk_spill_bytes"))).append(" | ").append(t(ev, "spark_jobs"))
                    .append(" | ").append(t(s, "cycle_load_before_after")).append(" |\n");
        }
        b.append("\nIngest of the Parquet inputs (the whole `wengang ingest` command, all six tables):\n\n");
        for (JsonNode s : doc.path("scales")) {
            b.append("- ").append(String.format(Locale.ROOT, "%.0e", s.path("target_rows").asDouble())).append(" rows: ")
                    .append(t(s, "ingest_s")).append(" s, ").append(String.format(Locale.ROOT, "%,.0f",
                            s.path("ingest_rows_per_s_parquet").asDouble())).append(" contribution rows/s\n");
        }
        for (JsonNode c : doc.path("csv_ingest")) {
            b.append("- CSV, ").append(String.format(Locale.ROOT, "%,d", c.path("contribution_rows").asLong()))
                    .append(" contribution lines (").append(mib(c.path("csv_bytes"))).append(" MiB): ")
                    .append(t(c.path("ingest"), "s")).append(" s, ").append(String.format(Locale.ROOT, "%,.0f",
                            c.path("ingest_rows_per_s_csv").asDouble())).append(" contribution rows/s\n");
        }
        if (!doc.path("monthly").isEmpty()) {
            b.append("\nA new month (snapshot without fee month 2023-12, cycle 2023-12, the month's increment, then the"
                    + " next cycle twice):\n\n");
            b.append("| rows (target) | increment rows | ingest of the increment s | cycle on the kept state s"
                    + " | full recompute s | incremental ÷ full | same files |\n|---|---|---|---|---|---|---|\n");
            for (JsonNode month : doc.path("monthly")) {
                b.append("| ").append(String.format(Locale.ROOT, "%.0e", month.path("target_rows").asDouble()))
                        .append(" | ").append(String.format(Locale.ROOT, "%,d", month.path("increment_contribution_rows").asLong()))
                        .append(" | ").append(t(month.path("increment_ingest"), "s"))
                        .append(" | ").append(t(month.path("incremental_cycle"), "cycle_s"))
                        .append(" | ").append(t(month.path("full_recompute_cycle"), "cycle_s"))
                        .append(" | ").append(t(month, "incremental_over_full"))
                        .append(" | ").append(month.path("identical_outputs").asText()).append(" |\n");
            }
        }
        if (!doc.path("concurrent_runs").isEmpty()) {
            b.append("\nTwo runs of one cycle at once (separate JVMs, one warehouse, meeting at the ledger commit):\n\n");
            b.append("| rows (target) | cycle | exit codes | met at the commit | re-run | ledger entries | distinct | commits"
                    + " | one set | same payment files | wall s (a, b) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (JsonNode c : doc.path("concurrent_runs")) {
                b.append("| ").append(String.format(Locale.ROOT, "%.0e", c.path("target_rows").asDouble()))
                        .append(" | ").append(c.path("cycle").asText())
                        .append(" | ").append(c.path("exit_codes").get(0).asText()).append(", ")
                        .append(c.path("exit_codes").get(1).asText())
                        .append(" | ").append(c.path("met_at_commit").asText())
                        .append(" | ").append(c.path("rerun").isNull() ? "none" : c.path("rerun").asText())
                        .append(" | ").append(String.format(Locale.ROOT, "%,d", c.path("ledger_entries").asLong()))
                        .append(" | ").append(String.format(Locale.ROOT, "%,d", c.path("distinct_entries").asLong()))
                        .append(" | ").append(c.path("ledger_commits_of_cycle").asText())
                        .append(" | ").append(c.path("one_set_of_entries").asText())
                        .append(" | ").append(c.path("same_payment_files").asText())
                        .append(" | ").append(t(c.path("run_a"), "cycle_wall_s")).append(", ")
                        .append(t(c.path("run_b"), "cycle_wall_s")).append(" |\n");
            }
        }
        b.append("\nWhere the cycle's time goes (the job's progress steps, s):\n\n");
        for (JsonNode s : doc.path("scales")) {
            b.append("- ").append(String.format(Locale.ROOT, "%.0e", s.path("target_rows").asDouble())).append(" rows: ");
            List<String> parts = new java.util.ArrayList<>();
            for (Map.Entry<String, JsonNode> e : s.path("cycle_steps_ms").properties()) {
                parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue().asDouble() / 1000.0));
            }
            b.append(String.join(", ", parts)).append("\n");
        }
        b.append("\nHeadline (largest scale run): cycle ÷ scan ").append(t(h, "cycle_over_scan"))
                .append(", Spark ÷ DuckDB ").append(t(h, "spark_over_duckdb"))
                .append(", T(10^8)/T(10^7) ").append(t(h, "scale_10x_ratio"))
                .append(", 2,000-person cycle ").append(t(h, "small_cycle_s")).append(" s in the session (")
                .append(t(doc.path("small_cycle"), "cycle_wall_s")).append(" s wall)")
                .append(", peak RSS ").append(t(h, "peak_rss_mib")).append(" MiB, fact_table_exchanges (job-reported) ")
                .append(t(h, "fact_table_exchanges")).append(".\n\n");
        b.append("DuckDB agreement (SI_SUBSIDY/LIVING claim months: claim_id, month, status, reason, amount; and their decisions):\n\n");
        for (JsonNode s : doc.path("scales")) {
            JsonNode ag = s.path("agreement");
            b.append("- ").append(String.format(Locale.ROOT, "%.0e", s.path("target_rows").asDouble())).append(" rows: claim months ")
                    .append(counts(ag.path("claim_months"))).append("; decisions ").append(counts(ag.path("claim_decisions")));
            if (s.path("duckdb_untrimmed_contribution_fields").asLong() > 0) {
                b.append("; WARNING: ").append(s.path("duckdb_untrimmed_contribution_fields").asLong())
                        .append(" contribution rows have fields with blanks the SQL does not trim");
            }
            b.append("\n");
            for (JsonNode k : ag.path("claim_months_differences_by_kind")) {
                b.append("  - ").append(k.path("n").asText()).append(" × wengang ").append(k.path("kind").asText()).append("\n");
            }
        }
        b.append("\nMethod: docs/benchmarks.md. cycle s = the cycle inside the session (the job's progress steps summed);"
                + " wall includes JVM start, Spark session and the build check; ratios use cycle s. scan and DuckDB: warm"
                + " (last of their runs in one JVM / connection).\n");
        return b.toString();
    }

    private static String counts(JsonNode c) {
        if (c.isMissingNode()) {
            return "not compared";
        }
        return c.path("agree").asText() + " agree, " + c.path("differ").asText() + " differ, " + c.path("only_duckdb").asText()
                + " only in DuckDB, " + c.path("only_wengang").asText() + " only in wengang (of " + c.path("total").asText() + ")";
    }

    private static String t(JsonNode n, String key) {
        JsonNode v = n.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return "–";
        }
        return v.isNumber() && !v.isIntegralNumber() ? String.format(Locale.ROOT, "%.2f", v.asDouble()) : v.asText();
    }

    private static String mib(JsonNode bytes) {
        return bytes.isMissingNode() || bytes.isNull() ? "–" : String.format(Locale.ROOT, "%.0f", bytes.asDouble() / 1048576.0);
    }

    private static JsonNode planStats(Path out) throws IOException {
        for (String name : PLAN_STATS_FILES) {
            Path p = out.resolve(name);
            if (Files.isRegularFile(p)) {
                return JSON.readTree(p.toFile());
            }
        }
        return NullNode.instance;
    }

    private static JsonNode peakRssMib(Path time) throws IOException {
        if (!Files.isRegularFile(time)) {
            return NullNode.instance;
        }
        String[] f = Files.readString(time).trim().split("\\s+");
        return num(Long.parseLong(f[1]) / 1024.0);
    }

    /** "before after" 1-minute load averages of a step (the machine is shared), or null. */
    private static JsonNode load(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.getNodeFactory().textNode(Files.readString(file).trim()) : NullNode.instance;
    }

    private static JsonNode ratio(JsonNode a, JsonNode b) {
        if (a == null || b == null || !a.isNumber() && !a.isTextual() || !b.isNumber() && !b.isTextual()) {
            return NullNode.instance;
        }
        double x = a.asDouble();
        double y = b.asDouble();
        return y > 0 ? num(x / y) : NullNode.instance;
    }

    private static JsonNode num(double v) {
        return JSON.getNodeFactory().numberNode(BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP));
    }

    private static JsonNode read(Path p) throws IOException {
        return Files.isRegularFile(p) ? JSON.readTree(p.toFile()) : JSON.createObjectNode();
    }
}
