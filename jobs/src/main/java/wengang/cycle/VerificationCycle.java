package wengang.cycle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import wengang.claims.ClaimDecisions;
import wengang.eligibility.ContinuitySpells;
import wengang.engine.ConcurrentRunException;
import wengang.engine.PlanStats;
import wengang.engine.Bundled;
import wengang.engine.Location;
import wengang.engine.Materialised;
import wengang.engine.Progress;
import wengang.ingest.IngestJob;
import wengang.ingest.InputFolder;
import wengang.engine.Warehouse;
import wengang.output.FaultInjection;
import wengang.output.StagedOutputs;
import wengang.payment.Ledger;
import wengang.payment.Manifest;
import wengang.payment.PaymentFiles;
import wengang.payment.PaymentLines;
import wengang.policy.Policy;
import wengang.screening.Reviews;
import wengang.screening.StoredFlags;
import wengang.report.AnalystReport;
import wengang.report.CycleMetrics;
import wengang.report.MetricAlerts;
import wengang.schemas.Columns;
import wengang.schemas.Money;
import wengang.schemas.Months;
import wengang.schemas.OutputFiles;
import wengang.schemas.Tables;

/**
 * The monthly job: reads the warehouse at recorded versions, computes the cycle
 * ({@link CycleComputation}), commits the ledger once, writes gold tables and the
 * contract's files. Safe to re-run: a cycle's ledger entries are written once and
 * reused; the files are written into a staging folder and replace the previous ones as one
 * set ({@link StagedOutputs}), so a run that fails halfway leaves those as they were.
 */
public final class VerificationCycle {
    public static final String REJECTS_KEY = IngestJob.REJECTS_KEY;
    /** Key of the reviews table in the recorded versions (a re-run holds what the first run held). */
    public static final String REVIEWS_KEY = "_reviews";
    /**
     * Key of the ledger in the recorded versions: the version the cycle read, so a replay
     * computes from the same earlier payments (its own commit check reads the latest).
     */
    public static final String LEDGER_KEY = "_ledger";

    private VerificationCycle() {}



    /**
     * @param pinnedVersions table → Delta version to read (time travel), or null for the current versions
     */
    public static CycleSummary run(SparkSession spark, Warehouse w, Policy policy, int cycle, Location outDir,
                                   Map<String, Long> pinnedVersions) throws java.io.IOException {
        PlanStats stats = PlanStats.startIfAsked(spark);
        long started = System.nanoTime();
        try {
            CycleSummary summary = runOnce(spark, w, policy, cycle, outDir, pinnedVersions);
            if (stats != null) {
                stats.finish(Map.of("cycle", cycle, "cycle_ms", (System.nanoTime() - started) / 1_000_000));
            }
            return summary;
        } catch (RuntimeException e) {
            if (ConcurrentRunException.isConflict(e)) {
                spark.sparkContext().clearJobGroup();
                throw new ConcurrentRunException("another run of cycle " + Months.formatDashed(cycle)
                        + " is writing warehouse " + w.root() + " at the same time; this run stopped and paid nothing twice"
                        + " (the ledger commits each cycle once). Run it again when the other has finished: it will reuse"
                        + " the ledger entries already committed and write the same files.", e);
            }
            throw e;
        }
    }

    private static CycleSummary runOnce(SparkSession spark, Warehouse w, Policy policy, int cycle, Location outDir,
                                        Map<String, Long> pinnedVersions) throws java.io.IOException {
        // every output is written into a staging folder and published as one set at the end: a
        // failure leaves the previous outputs as they were; an unwritable --out stops the run here
        StagedOutputs staged = StagedOutputs.open(outDir);
        try {
            return runStaged(spark, w, policy, cycle, outDir, pinnedVersions, staged);
        } catch (java.io.UncheckedIOException e) {
            staged.discard(e);
            throw staged.failed(e);
        } catch (RuntimeException | java.io.IOException e) {
            staged.discard(e);
            throw e;
        }
    }

    private static CycleSummary runStaged(SparkSession spark, Warehouse w, Policy policy, int cycle, Location outDir,
                                          Map<String, Long> pinnedVersions, StagedOutputs staged) throws java.io.IOException {
        Location stagedDir = staged.folder();
        Map<String, Long> versions = pinnedVersions != null ? new TreeMap<>(pinnedVersions) : currentVersions(spark, w);
        if (pinnedVersions == null || !pinnedVersions.containsKey(LEDGER_KEY)) {
            // the ledger exists before its version is read: the first run and a re-run record the same
            Ledger.ensureExists(spark, w);
            versions.put(LEDGER_KEY, Ledger.versionBefore(spark, w, cycle));
        }
        if (versions.getOrDefault(Tables.CONTRIBUTIONS.name(), -1L) < 0) {
            throw new IllegalArgumentException("warehouse " + w.root() + " holds no ingested data: run `wengang ingest --input DIR --warehouse "
                    + w.root() + "` (or `wengang run`) first");
        }
        Materialised.checkpointsUnder(spark, w);
        if (policy.rulesAt(cycle).isPaymentCycle(cycle)) {
            java.util.OptionalInt later = Ledger.laterCycleWithoutThis(spark, w, cycle);
            if (later.isPresent()) {
                throw new IllegalArgumentException("cycle " + Months.formatDashed(cycle) + " was never run on warehouse "
                        + w.root() + ", and the later cycle " + Months.formatDashed(later.getAsInt()) + " has already paid:"
                        + " running it now would pay again what " + Months.formatDashed(later.getAsInt())
                        + " paid (P16). Cycles pay in order; the next one to run is the one after "
                        + Months.formatDashed(later.getAsInt()) + ".");
            }
        }
        String label = "wengang cycle " + Months.formatDashed(cycle);
        spark.sparkContext().setJobGroup("wengang-" + cycle, label, false);
        Progress progress = Progress.start(label);
        FaultInjection.point("cycle-start");
        progress.step("reading warehouse " + w.root() + " at versions " + versions);
        // the registry and claims persons' contribution rows, kept between cycles and brought
        // up to date from the fee months that changed: a new month reads that month, not the history
        PersonContributions.Result state = PersonContributions.upToDate(spark, w, versions);
        progress.step("contributions of the registry and claims persons: " + state.how().text(state.monthsTaken()));
        CycleSources sources = sources(spark, w, versions).withContributions(state.rows())
                .withSmallTablesKept(d -> Materialised.keptWithPartitioning(spark, d));
        Dataset<Row> ledger = Ledger.readVersion(spark, w, versions.get(LEDGER_KEY));
        progress.step("computing eligibility and decisions");
        CycleComputation.CycleResult r = CycleComputation.compute(sources, ledger, policy, cycle,
                // materialise and cut the lineage: later steps plan against a small scan instead of
                // the whole eligibility plan (2,000 persons, 2 cores: 229 s with persist, 107 s with
                // this, same files). Local checkpoints live on the executors: losing one fails the
                // run, and a re-run is safe (the ledger commit is idempotent, P16).
                d -> Materialised.keptWithPartitioning(spark, d));
        progress.step("checking the ledger");

        // P16: one commit of this cycle's entries; a re-run reuses what an earlier run committed
        // the latest ledger, not the version read: a replay must find the entries its cycle committed
        long existing = Ledger.of(Ledger.read(spark, w), cycle).count();
        boolean reused = existing > 0;
        if (r.paymentCycle() && !reused) {
            FaultInjection.rendezvous("before-ledger");
            FaultInjection.point("before-ledger");
            progress.step("committing ledger entries");
            Ledger.append(r.newLedgerEntries(), cycle, w);
        }
        FaultInjection.point("after-ledger");
        Dataset<Row> entries = Ledger.of(Ledger.read(spark, w), cycle).persist();

        FaultInjection.point("before-gold");
        progress.step("writing gold tables");
        writeGold(r.monthEligibility(), w.gold("month_eligibility"), cycle);
        writeGold(r.claimMonths(), w.gold("claim_months"), cycle);
        writeGold(r.claimDecisions(), w.gold("claim_decisions"), cycle);
        writeGold(ContinuitySpells.of(r.monthEligibility()), w.silver("spells"), cycle);
        writeGold(r.fulfilment(), w.gold("fulfilment"), cycle);
        writeGold(r.fulfilmentMonthly(), w.gold("fulfilment_monthly"), cycle);

        FaultInjection.point("before-screening");
        progress.step("screening");
        Dataset<Row> flags = r.flags().persist(StorageLevel.MEMORY_AND_DISK());
        StoredFlags.write(flags, w, cycle);
        Dataset<Row> riskUnits = r.riskUnits(flags);
        FaultInjection.point("before-outputs");
        progress.step("writing outputs to " + outDir);
        Map<String, Long> written = CycleOutputs.writeAll(r, flags, riskUnits, rejects(spark, w, versions), policy, stagedDir);
        BigDecimal pay = Money.ZERO;
        BigDecimal held = Money.ZERO;
        if (r.paymentCycle()) {
            FaultInjection.point("before-payments");
            progress.step("writing payment files");
            Manifest m = PaymentFiles.write(PaymentLines.of(entries).persist(), policy, cycle, versions, stagedDir);
            pay = m.totals().payTotal();
            held = m.totals().heldTotal();
        }

        FaultInjection.point("before-report");
        progress.step("metrics and alerts");
        Map<String, BigDecimal> metrics = new TreeMap<>(CycleMetrics.of(r, flags, entries));
        if (Warehouse.exists(w.ingestRuns())) {
            metrics.putAll(CycleMetrics.rejectPercents(Warehouse.read(spark, w.ingestRuns()), versions));
        }
        Map<String, BigDecimal> previous = CycleMetrics.previous(spark, w, cycle);
        CycleMetrics.record(spark, w, cycle, metrics);
        MetricAlerts.Settings alertSettings = MetricAlerts.load(cycle);
        Dataset<Row> alerts = MetricAlerts.find(CycleMetrics.history(spark, w), alertSettings.thresholds(spark), cycle,
                alertSettings.trailingCycles()).persist();
        written.put(OutputFiles.ALERTS.fileName(), CycleOutputs.write(alerts, OutputFiles.ALERTS,
                List.of(Columns.METRIC), policy, cycle, stagedDir));
        progress.step("writing the analysts' report");
        AnalystReport.write(r, flags, entries, sources.employers(), rejects(spark, w, versions), alerts, riskUnits,
                policy, versions, metrics, previous, stagedDir.resolve(AnalystReport.FILE));

        FaultInjection.point("before-publish");
        progress.step("publishing the outputs in " + outDir);
        staged.publish();
        if (!r.paymentCycle()) {
            PaymentFiles.removeStale(outDir); // so an older set cannot be mistaken for this cycle's
        }

        FaultInjection.point("before-record");
        progress.step("recording the run");
        Map<String, Long> byDecision = new TreeMap<>();
        // the decisions just written to gold (kept, so no second read of the table)
        for (Row row : r.claimDecisions().groupBy(Columns.DECISION).count().collectAsList()) {
            byDecision.put(row.getString(0), row.getLong(1));
        }
        CycleSummary summary = new CycleSummary(cycle, policy.label(), policy.sha256(), versions, r.paymentCycle(),
                byDecision.values().stream().mapToLong(Long::longValue).sum(), byDecision, entries.count(), reused,
                pay, held, written.get(OutputFiles.FLAGS.fileName()),
                written.get(OutputFiles.ELIGIBLE_UNCLAIMED.fileName()), outDir, MetricAlerts.lines(alerts));
        alerts.unpersist();
        CycleRuns.record(spark, w, summary);
        entries.unpersist();
        flags.unpersist();
        spark.sparkContext().clearJobGroup();
        progress.done();
        return summary;
    }

    /**
     * The versions a new cycle reads: the bronze tables and rejects of the last complete
     * ingest ({@link IngestJob#snapshotVersions}) and the reviews as they are (the ledger's
     * depends on the cycle: {@link Ledger#versionBefore}).
     */
    public static Map<String, Long> currentVersions(SparkSession spark, Warehouse w) {
        Map<String, Long> v = new TreeMap<>(IngestJob.snapshotVersions(spark, w));
        v.put(REVIEWS_KEY, Reviews.currentVersion(spark, w));
        return v;
    }

    /** The bronze tables and reviews of a warehouse at the given versions ({@link #currentVersions} or recorded ones). */
    public static CycleSources sources(SparkSession spark, Warehouse w, Map<String, Long> versions) {
        return new CycleSources(
                bronze(spark, w, Tables.CONTRIBUTIONS.name(), versions),
                bronze(spark, w, Tables.EMPLOYERS.name(), versions),
                bronze(spark, w, Tables.REGISTRY.name(), versions),
                bronze(spark, w, Tables.CLAIMS.name(), versions),
                bronze(spark, w, Tables.CARDS.name(), versions),
                bronze(spark, w, Tables.QUOTAS.name(), versions),
                Reviews.read(spark, w, versions.getOrDefault(REVIEWS_KEY, -1L)),
                cityNames(spark),
                shownReasons(spark, w));
    }

    /**
     * The informational codes every cycle run on this warehouse showed, payment cycle or not:
     * its gold claim_decisions, whose reasons hold every reason its claim months showed.
     */
    static Dataset<Row> shownReasons(SparkSession spark, Warehouse w) {
        if (!Warehouse.exists(w.gold("claim_decisions"))) {
            return spark.createDataFrame(List.of(), ClaimDecisions.SHOWN_REASONS);
        }
        return ClaimDecisions.shownReasons(Warehouse.read(spark, w.gold("claim_decisions"))).distinct();
    }

    static Dataset<Row> bronze(SparkSession spark, Warehouse w, String table, Map<String, Long> versions) {
        long v = versions.getOrDefault(table, -1L);
        if (v < 0) {
            throw new IllegalArgumentException("warehouse " + w.root() + " has no table " + table + ": ingest an input folder first");
        }
        return Warehouse.readVersion(spark, w.bronze(table), v);
    }

    static Dataset<Row> rejects(SparkSession spark, Warehouse w, Map<String, Long> versions) {
        long v = versions.getOrDefault(REJECTS_KEY, -1L);
        if (v < 0) {
            StructType s = new StructType().add(Columns.TABLE, DataTypes.StringType).add(Columns.FILE, DataTypes.StringType)
                    .add(Columns.LINE, DataTypes.LongType).add(Columns.COLUMN, DataTypes.StringType)
                    .add(Columns.REASON, DataTypes.StringType).add(Columns.RAW, DataTypes.StringType);
            return spark.createDataFrame(List.of(), s);
        }
        return Warehouse.readVersion(spark, w.rejects(), v);
    }

    /**
     * Names of the province's cities (conf/reference/quotas.csv, bundled in the jar and read here
     * on the driver), for fulfilment rows without a quota.
     */
    static Dataset<Row> cityNames(SparkSession spark) {
        List<String> lines = new String(Bundled.bytes(InputFolder.DEFAULT_QUOTAS), StandardCharsets.UTF_8).lines().toList();
        return spark.read().option("header", "true").csv(spark.createDataset(lines, Encoders.STRING()))
                .select(col(Columns.REGION_CODE), col(Columns.REGION_NAME)).distinct();
    }

    private static void writeGold(Dataset<Row> rows, String path, int cycle) {
        rows.withColumn(Columns.CYCLE, lit(cycle)).write().format("delta").mode("overwrite")
                .option("replaceWhere", Columns.CYCLE + " = " + cycle)
                .option("overwriteSchema", "false")
                .partitionBy(Columns.CYCLE).save(path);
    }
}
