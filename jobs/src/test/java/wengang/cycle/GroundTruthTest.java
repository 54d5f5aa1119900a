package wengang.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.engine.Materialised;
import wengang.engine.Warehouse;
import wengang.schemas.OutputFiles;
import wengang.generate.GeneratorOptions;
import wengang.generate.ProvinceGenerator;
import wengang.ingest.IngestJob;
import wengang.ingest.RejectsTable;
import wengang.schemas.Columns;
import wengang.schemas.FlagRule;
import wengang.screening.FlagTable;
import wengang.testing.CycleHarness;
import wengang.testing.GoldenHashes;
import wengang.testing.TestSpark;

/**
 * Issue 4's acceptance measure: the generator's injected anomalies, run through ingest and
 * the cycle, against its {@code ground_truth.csv}. For every cycle the truth names, the
 * cycle is computed on the ingested warehouse (empty ledger) and its claim months, flags
 * and the ingest rejects are compared with the truth:
 * <ul>
 *   <li>recall = 1.0: every REASON, FLAG and REJECT row is found at its cycle;</li>
 *   <li>precision = 1.0 per flag rule: every flag raised at those cycles is a ground-truth
 *       case of that rule (the background is realistic but harmless), and every reject is
 *       an injected bad row;</li>
 *   <li>the NONE cases (job change without a gap, arrears within the grace) have no flag
 *       linking them and no reason on their claims.</li>
 * </ul>
 * Precision and recall per rule are printed (and written to target/ground-truth.txt).
 */
class GroundTruthTest {
    private static final long PERSONS = 120;
    private static final long SEED = 20231;

    @TempDir
    static Path dir;

    private static List<Truth> truth;
    /** cycle → "rule subject_id" of every flag raised. */
    private static final Map<Integer, Set<String>> flagsAt = new TreeMap<>();
    /** cycle → person ids linked by some flag. */
    private static final Map<Integer, Set<String>> flaggedPersonsAt = new TreeMap<>();
    /** cycle → "claim_id reason" of every claim month with a reason. */
    private static final Map<Integer, Set<String>> reasonsAt = new TreeMap<>();
    /** cycle → person_id → reasons on their claims. */
    private static final Map<Integer, Map<String, Set<String>>> personReasonsAt = new TreeMap<>();
    /** "table:line reason" of every reject. */
    private static Set<String> rejects;

    record Truth(String caseId, String anomaly, String kind, String code, String subjectType, String subjectId,
                 Integer cycle) {
        static Truth of(String line) {
            String[] f = line.split(",", -1);
            return new Truth(f[0], f[1], f[2], f[3], f[4], f[5], f[6].isEmpty() ? null : Integer.valueOf(f[6]));
        }
    }

    @BeforeAll
    static void generateIngestAndDecide() throws IOException {
        SparkSession spark = TestSpark.session();
        Path input = dir.resolve("in");
        ProvinceGenerator.generate(spark, new GeneratorOptions(PERSONS, SEED, input, GeneratorOptions.CSV));
        List<String> lines = Files.readAllLines(input.resolve("ground_truth.csv"), StandardCharsets.UTF_8);
        truth = lines.subList(1, lines.size()).stream().map(Truth::of).toList();

        Warehouse w = new Warehouse(Location.local(dir.resolve("wh")));
        IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, w);
        rejects = RejectsTable.read(spark, w).collectAsList().stream()
                .map(r -> r.getString(r.fieldIndex(Columns.TABLE)) + ":" + r.getLong(r.fieldIndex(Columns.LINE))
                        + " " + r.getString(r.fieldIndex(Columns.REASON)))
                .collect(Collectors.toCollection(TreeSet::new));

        CycleSources sources = VerificationCycle.sources(spark, w, VerificationCycle.currentVersions(spark, w));
        Set<Integer> cycles = truth.stream().map(Truth::cycle).filter(c -> c != null).collect(Collectors.toCollection(TreeSet::new));
        for (int cycle : cycles) {
            // as the job does: materialise what later steps read several times
            CycleComputation.CycleResult r = CycleComputation.compute(sources, CycleHarness.emptyLedger(),
                    CycleHarness.policy(), cycle, d -> Materialised.keptWithPartitioning(spark, d));
            Dataset<Row> flagRows = r.flags().localCheckpoint(true);
            writeOutputs(r, flagRows, cycle);
            Set<String> reasons = new TreeSet<>();
            Map<String, Set<String>> byPerson = new TreeMap<>();
            for (Row m : r.claimMonths().select(Columns.CLAIM_ID, Columns.PERSON_ID, Columns.REASON).collectAsList()) {
                if (m.isNullAt(2) || m.getString(2).isEmpty()) {
                    continue;
                }
                reasons.add(m.getString(0) + " " + m.getString(2));
                byPerson.computeIfAbsent(m.getString(1), k -> new TreeSet<>()).add(m.getString(2));
            }
            reasonsAt.put(cycle, reasons);
            personReasonsAt.put(cycle, byPerson);
            Set<String> flags = new TreeSet<>();
            Set<String> persons = new TreeSet<>();
            for (Row f : flagRows.select(Columns.RULE, Columns.SUBJECT_ID, FlagTable.LINKED_NODES).collectAsList()) {
                flags.add(f.getString(0) + " " + f.getString(1));
                for (Object node : f.getList(2)) {
                    String n = (String) node;
                    if (n.startsWith(FlagTable.PERSON + ":")) {
                        persons.add(n.substring(FlagTable.PERSON.length() + 1));
                    }
                }
            }
            flagsAt.put(cycle, flags);
            flaggedPersonsAt.put(cycle, persons);
        }
    }

    /** The decision files of every truth cycle, as the job writes them, for the byte-identity check. */
    private static void writeOutputs(CycleComputation.CycleResult r, Dataset<Row> flags, int cycle) {
        Path out = dir.resolve("out").resolve(String.valueOf(cycle));
        var policy = CycleHarness.policy();
        CycleOutputs.write(r.claimDecisions(), OutputFiles.CLAIM_DECISIONS, List.of(Columns.CLAIM_ID), policy, cycle, Location.local(out));
        CycleOutputs.write(r.claimMonths(), OutputFiles.CLAIM_MONTHS, List.of(Columns.CLAIM_ID, Columns.MONTH), policy, cycle, Location.local(out));
        CycleOutputs.write(flags, OutputFiles.FLAGS, List.of(Columns.RULE, Columns.SUBJECT_TYPE, Columns.SUBJECT_ID),
                policy, cycle, Location.local(out));
        CycleOutputs.write(r.eligibleUnclaimed(), OutputFiles.ELIGIBLE_UNCLAIMED, List.of(Columns.PERSON_ID, Columns.DISTRICT),
                policy, cycle, Location.local(out));
        CycleOutputs.write(r.fulfilment(), OutputFiles.FULFILMENT, List.of(Columns.YEAR, Columns.REGION_CODE), policy, cycle, Location.local(out));
        CycleOutputs.write(r.adjustments(), OutputFiles.ADJUSTMENTS, List.of(Columns.CLAIM_ID, Columns.MONTH), policy, cycle, Location.local(out));
    }

    /**
     * Optimising the cycle must not change a byte: the SHA-256 of every decision file of every
     * truth cycle equals the recorded one (src/test/resources/golden/ground-truth-outputs.sha256,
     * recorded before the plan changes). A deliberate change of outputs records them again
     * with -Dgolden.update=true, and the diff of that file shows which outputs changed.
     */
    @Test
    void decisionFilesAreByteIdenticalToTheRecordedOnes() throws IOException {
        GoldenHashes.assertRecorded(GoldenHashes.ofCsvFiles(dir.resolve("out")), "ground-truth-outputs.sha256");
    }

    @Test
    void everyInjectedCaseIsFoundAtItsCycle() throws IOException {
        List<String> missed = new ArrayList<>();
        for (Truth t : truth) {
            if (!t.kind().equals("NONE") && !found(t)) {
                missed.add(t.toString());
            }
        }
        writeMeasures();
        assertThat(missed).as("ground-truth cases not found (recall < 1)").isEmpty();
        assertThat(truth.stream().map(Truth::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("REASON", "FLAG", "REJECT", "NONE");
    }

    @Test
    void everyFlagRuleIsInjectedAndNoFlagIsRaisedOnAnythingElse() {
        Set<String> expected = expectedFlags();
        Set<String> falsePositives = new TreeSet<>();
        flagsAt.forEach((cycle, flags) -> flags.stream().filter(f -> !expected.contains(f))
                .forEach(f -> falsePositives.add(cycle + " " + f)));
        assertThat(falsePositives).as("flags on subjects no injected case names (precision < 1)").isEmpty();
        assertThat(truth.stream().filter(t -> t.kind().equals("FLAG")).map(Truth::code).collect(Collectors.toSet()))
                .as("every flag rule has an injected case")
                .isEqualTo(java.util.Arrays.stream(FlagRule.values()).map(Enum::name).collect(Collectors.toSet()));
    }

    @Test
    void rejectsAreExactlyTheInjectedBadRows() {
        Set<String> expected = truth.stream().filter(t -> t.kind().equals("REJECT"))
                .map(t -> t.subjectId() + " " + t.code()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).isNotEmpty();
        assertThat(rejects).isEqualTo(expected);
    }

    @Test
    void harmlessBackgroundCasesGetNoFlagAndNoReason() {
        List<Truth> clean = truth.stream().filter(t -> t.kind().equals("NONE")).toList();
        assertThat(clean).extracting(Truth::anomaly).contains("job_change_without_gap", "arrears_within_grace");
        for (Truth t : clean) {
            assertThat(flaggedPersonsAt.get(t.cycle())).as(t.toString()).doesNotContain(t.subjectId());
            assertThat(personReasonsAt.get(t.cycle()).getOrDefault(t.subjectId(), Set.of())).as(t.toString()).isEmpty();
        }
    }

    /** Whether a REASON, FLAG or REJECT row of the truth is in what the pipeline produced. */
    private static boolean found(Truth t) {
        return switch (t.kind()) {
            case "REASON" -> reasonsAt.get(t.cycle()).contains(t.subjectId() + " " + t.code());
            case "FLAG" -> flagsAt.get(t.cycle()).contains(flagKey(t));
            case "REJECT" -> rejects.contains(t.subjectId() + " " + t.code());
            default -> throw new IllegalArgumentException("no output to find for " + t);
        };
    }

    /** "rule subject_id", as {@link #flagsAt} holds flags. */
    private static String flagKey(Truth t) {
        return t.code() + " " + t.subjectId();
    }

    private static Set<String> expectedFlags() {
        return truth.stream().filter(t -> t.kind().equals("FLAG")).map(GroundTruthTest::flagKey).collect(Collectors.toSet());
    }

    /** Precision and recall per code, for a person reading the build output. */
    private static void writeMeasures() throws IOException {
        Map<String, int[]> perCode = new TreeMap<>(); // expected, found
        for (Truth t : truth) {
            if (t.kind().equals("NONE")) {
                continue;
            }
            int[] c = perCode.computeIfAbsent(t.kind() + " " + t.code(), k -> new int[3]);
            c[0]++;
            c[1] += found(t) ? 1 : 0;
        }
        Set<String> expectedFlags = expectedFlags();
        flagsAt.values().forEach(flags -> flags.forEach(f -> {
            int[] c = perCode.computeIfAbsent("FLAG " + f.substring(0, f.indexOf(' ')), k -> new int[3]);
            c[2] += expectedFlags.contains(f) ? 0 : 1;
        }));
        StringBuilder out = new StringBuilder(String.format("%-40s %8s %6s %6s %9s%n", "kind code", "expected", "found",
                "false+", "recall"));
        perCode.forEach((k, c) -> out.append(String.format("%-40s %8d %6d %6d %9.2f%n", k, c[0], c[1], c[2],
                c[0] == 0 ? 0.0 : (double) c[1] / c[0])));
        System.out.print("ground truth, " + PERSONS + " persons, seed " + SEED + ":\n" + out);
        Path report = Path.of("target", "ground-truth.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString());
    }
}
