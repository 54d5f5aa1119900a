package wengang.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import wengang.cycle.CycleRuns;
import wengang.cycle.VerificationCycle;
import wengang.engine.CodeVersion;
import wengang.engine.OwnerOnly;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.ingest.IngestRuns;
import wengang.output.FileHashes;
import wengang.policy.Policy;
import wengang.schemas.Months;

@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What a cycle's files were made from, as the warehouse recorded it (meta/cycle_runs, meta/ingest_runs): the run (id, who, when, why), the code version, the policy and its SHA-256, each input table's Delta version with the file, SHA-256 and row counts of the ingest that made it, the ledger version the cycle read, and every output file with its rows and SHA-256.",
            "",
            "With --verify, the cycle is run again from exactly those versions (like verify --replay) into a temporary folder, and every output file is compared with the recorded SHA-256 (report.html is listed, not compared: its change-since-last-cycle section follows the latest runs of earlier cycles). Exit 0 when all are identical, 1 when any differs.",
            "",
            "Example:  wengang audit --cycle 2024-01 --warehouse wh --verify"})
public final class AuditCommand implements Callable<Integer> {
    /** Files whose bytes an audit lists but does not prove: they show the change since the latest run of an earlier cycle. */
    static final List<String> NOT_COMPARED = List.of(wengang.report.AnalystReport.FILE);

    @ParentCommand
    WengangCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cycle", required = true, paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The cycle to audit.")
    int cycle;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Option(names = "--verify", description = "Re-run the cycle from the recorded versions into a temporary folder and prove the files identical.")
    boolean verify;

    @Option(names = "--work", paramLabel = "DIR", description = "Where --verify writes its re-run: a local path or any Hadoop path (hdfs:, s3a:, file:) (default: a new owner-only folder in the system's temporary folder, removed afterwards).")
    String work;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = root.spark();
        Warehouse w = warehouse.open(spark);
        CycleRuns.Recorded run = CycleRuns.latestRecorded(spark, w, cycle).orElseThrow(() -> new IllegalArgumentException(
                "cycle " + Months.formatDashed(cycle) + " was never run on warehouse " + w.root()));
        Map<String, Long> versions = run.map("input_versions");
        Map<String, String> hashes = run.map("outputs_sha256");
        Map<String, Long> rows = run.map("outputs_rows");
        out.println("audit of cycle " + Months.formatDashed(cycle) + " on warehouse " + w.root());
        out.println("  run          " + orUnknown(run.get("run_id")) + " (" + orUnknown(run.get("run_kind")) + ") by "
                + orUnknown(run.get("run_by")) + " at " + run.get("run_at") + " UTC");
        out.println("  code         " + orUnknown(run.get("code_version")));
        out.println("  policy       " + run.get("policy") + " sha256 " + run.get("policy_sha256"));
        out.println("  inputs       table: Delta version; the ingest that made it: file, sha256, rows read = accepted + rejected");
        Map<String, Row> ingests = ingestsOf(spark, w, versions);
        for (Map.Entry<String, Long> e : versions.entrySet()) {
            Row r = ingests.get(e.getKey());
            String made = r == null ? "(no ingest recorded)"
                    : r.<String>getAs("file") + " sha256 " + r.<String>getAs("sha256") + ", " + r.<Long>getAs("rows_read")
                    + " = " + r.<Long>getAs("rows_accepted") + " + " + r.<Long>getAs("rows_rejected") + ", ingested "
                    + r.getAs("ingested_at") + " UTC (" + r.<String>getAs("ingest_id") + ")";
            String label = switch (e.getKey()) {
                case VerificationCycle.LEDGER_KEY -> "ledger (version read)";
                case VerificationCycle.REVIEWS_KEY -> "reviews";
                case VerificationCycle.REJECTS_KEY -> "rejects";
                default -> e.getKey();
            };
            out.printf("    %-22s v%-5d %s%n", label, e.getValue(),
                    e.getKey().startsWith("_") && !e.getKey().equals(VerificationCycle.REJECTS_KEY) ? "" : made);
        }
        out.println("  decisions    " + run.get("claims_decided") + " claims; ledger entries of the cycle "
                + run.get("ledger_entries") + (Boolean.parseBoolean(run.get("payment_cycle"))
                ? ", to pay " + run.get("pay_total") + ", held " + run.get("held_total") : " (not a payment cycle)"));
        out.println("  outputs      file: data rows, sha256");
        hashes.forEach((f, h) -> out.printf("    %-28s %7d  %s%n", f, rows.getOrDefault(f, 0L), h));
        if (hashes.isEmpty()) {
            out.println("    (not recorded: the run predates the audit trail; run the cycle again to record it)");
        }
        out.flush();
        return verify ? verify(spark, w, run, versions, hashes, out) : ExitCode.OK;
    }

    private int verify(SparkSession spark, Warehouse w, CycleRuns.Recorded run, Map<String, Long> versions,
                       Map<String, String> hashes, PrintWriter out) throws Exception {
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("--verify: the run of cycle " + Months.formatDashed(cycle)
                    + " recorded no output hashes (it predates the audit trail); nothing to compare");
        }
        Policy policy = policyOption.load(spark);
        if (!policy.sha256().equals(run.get("policy_sha256"))) {
            throw new IllegalArgumentException("--verify: the policy file has sha256 " + policy.sha256() + ", the run used "
                    + run.get("policy_sha256") + " (" + run.get("policy") + "): pass that file with --policy FILE");
        }
        if (!CodeVersion.current().equals(run.get("code_version"))) {
            out.println("  note: the code now is " + CodeVersion.current() + ", not the run's; a difference below may come from it");
        }
        boolean temporary = work == null;
        Location dir = temporary ? Location.local(Files.createTempDirectory("wengang-audit-",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OwnerOnly.FOLDER)))
                : Location.of(spark, work);
        dir.mkdirs();
        String before = spark.conf().getOption(CycleRuns.RUN_KIND).getOrElse(() -> null);
        List<String> different = new ArrayList<>();
        int compared = 0;
        try {
            spark.conf().set(CycleRuns.RUN_KIND, CycleRuns.AUDIT_VERIFY);
            out.println("verifying: cycle " + Months.formatDashed(cycle) + " again from the versions above into " + dir);
            out.flush();
            VerificationCycle.run(spark, w, policy, cycle, dir, new TreeMap<>(versions));
            Map<String, Location> now = CycleRuns.outputs(dir);
            for (Map.Entry<String, String> e : hashes.entrySet()) {
                Location f = now.get(e.getKey());
                String h = f == null ? "(missing)" : FileHashes.sha256(f);
                boolean skip = NOT_COMPARED.contains(e.getKey());
                boolean same = h.equals(e.getValue());
                if (!skip) {
                    compared++;
                    if (!same) {
                        different.add(e.getKey());
                    }
                }
                out.printf("    %-28s %s%n", e.getKey(), skip ? "not compared" : same ? "identical" : "DIFFERENT: " + h);
            }
            for (String extra : now.keySet()) {
                if (!hashes.containsKey(extra)) {
                    different.add(extra);
                    out.printf("    %-28s %s%n", extra, "DIFFERENT: not written by the run");
                }
            }
        } finally {
            if (before == null) {
                spark.conf().unset(CycleRuns.RUN_KIND);
            } else {
                spark.conf().set(CycleRuns.RUN_KIND, before);
            }
            if (temporary) {
                dir.delete();
            }
        }
        if (different.isEmpty()) {
            out.println("verified: all " + compared + " files of cycle " + Months.formatDashed(cycle)
                    + " are identical to the recorded ones");
            out.flush();
            return ExitCode.OK;
        }
        out.println("NOT verified: " + different.size() + " of " + compared + " files differ: " + different);
        out.flush();
        return ExitCode.FAILURE;
    }

    /** Per input table, the latest ingest_runs row that recorded the version the cycle read. */
    static Map<String, Row> ingestsOf(SparkSession spark, Warehouse w, Map<String, Long> versions) {
        Map<String, Row> out = new TreeMap<>();
        if (!Warehouse.exists(w.ingestRuns())) {
            return out;
        }
        for (Row r : Warehouse.withColumns(Warehouse.read(spark, w.ingestRuns()), IngestRuns.SCHEMA)
                .orderBy(col("ingested_at"), col("ingest_id")).collectAsList()) {
            String table = r.getAs("table");
            Long v = versions.get(table);
            if (v != null && v.equals(r.<Long>getAs("bronze_version"))) {
                out.put(table, r);
            }
            Long rejects = r.getAs("rejects_version");
            if (rejects != null && rejects.equals(versions.get(VerificationCycle.REJECTS_KEY))) {
                out.put(VerificationCycle.REJECTS_KEY, r);
            }
        }
        return out;
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "(not recorded)" : s;
    }

}
