package wengang.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.schemas.ColumnSpec;
import wengang.schemas.CreditCode;
import wengang.schemas.FlagRule;
import wengang.schemas.Months;
import wengang.schemas.ReasonCode;
import wengang.schemas.RejectReason;
import wengang.schemas.ResidentId;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;
import wengang.testing.TestSpark;

/**
 * {@code wengang generate} at 200 persons, CSV: determinism, contract headers, valid IDs
 * except the injected ones, ground truth covering every required anomaly, REJECT lines
 * that are exactly the bad rows (checked by an independent reader), and a background
 * that gives no screening flag. Parquet: the same good rows.
 */
class ProvinceGeneratorTest {
    private static final long PERSONS = 200;
    private static final long SEED = 7;

    @TempDir
    static Path dir;

    private static Path csv;
    private static GeneratorReport report;
    private static List<String[]> truth;

    @BeforeAll
    static void generate() throws IOException {
        csv = dir.resolve("csv");
        report = ProvinceGenerator.generate(TestSpark.session(), new GeneratorOptions(PERSONS, SEED, csv, "csv"));
        truth = read(csv.resolve("ground_truth.csv"));
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws IOException {
        Path again = dir.resolve("again");
        ProvinceGenerator.generate(TestSpark.session(), new GeneratorOptions(PERSONS, SEED, again, "csv"));
        List<String> files = fileNames(csv);
        assertThat(files).containsExactlyInAnyOrder("contributions.csv", "employers.csv", "registry.csv", "claims.csv",
                "cards.csv", "quotas.csv", "ground_truth.csv");
        assertThat(fileNames(again)).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(csv.resolve(f)));
        }
        Path other = dir.resolve("other");
        ProvinceGenerator.generate(TestSpark.session(), new GeneratorOptions(PERSONS, SEED + 1, other, "csv"));
        for (String f : List.of("contributions.csv", "registry.csv", "claims.csv", "cards.csv", "employers.csv")) {
            assertThat(Files.readAllBytes(other.resolve(f))).as(f).isNotEqualTo(Files.readAllBytes(csv.resolve(f)));
        }
    }

    @Test
    void everyTableHasTheContractColumnsInOrder() throws IOException {
        for (TableSpec spec : Tables.ALL) {
            String header = Files.readAllLines(csv.resolve(spec.name() + ".csv")).get(0);
            assertThat(header).as(spec.name()).isEqualTo(String.join(",", spec.columnNames()));
            assertThat(report.rows(spec.name())).as(spec.name()).isPositive();
        }
        assertThat(Files.readAllLines(csv.resolve("ground_truth.csv")).get(0))
                .isEqualTo("case_id,anomaly,expected_kind,code,subject_type,subject_id,cycle");
        assertThat(report.rows("contributions")).isGreaterThan(20_000);
    }

    @Test
    void personIdsAreValidExceptTheInjectedBadOnes() throws IOException {
        Set<String> badLines = rejectLines();
        for (String table : List.of("registry", "contributions", "cards")) {
            List<String[]> rows = read(csv.resolve(table + ".csv"));
            int checked = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (badLines.contains(table + ":" + (i + 2))) {
                    continue;
                }
                assertThat(ResidentId.isValid(rows.get(i)[0])).as(table + " line " + (i + 2)).isTrue();
                checked++;
            }
            assertThat(checked).isPositive();
        }
        List<String> ids = read(csv.resolve("registry.csv")).stream().map(r -> r[0]).toList();
        assertThat(ids).anyMatch(id -> id.length() == 15);
        List<String> contributionIds = read(csv.resolve("contributions.csv")).stream().map(r -> r[0]).toList();
        assertThat(contributionIds).anyMatch(id -> id.endsWith("x"));
    }

    @Test
    void groundTruthCoversEveryRequiredAnomaly() {
        Set<String> kinds = truth.stream().map(r -> r[2] + ":" + r[3]).collect(Collectors.toSet());
        for (FlagRule rule : FlagRule.values()) {
            assertThat(kinds).contains("FLAG:" + rule.name());
        }
        for (ReasonCode code : List.of(ReasonCode.DUPLICATE_CLAIM, ReasonCode.REPEAT_SAME_AGENCY, ReasonCode.DOUBLE_SCHEME,
                ReasonCode.LATE_SUBMISSION, ReasonCode.WRONG_DISTRICT, ReasonCode.ORIGIN_NOT_COVERED,
                ReasonCode.NOT_IN_REGISTRY, ReasonCode.INVALID_ID, ReasonCode.REQUALIFYING, ReasonCode.ESTABLISHED_STAFF)) {
            assertThat(kinds).contains("REASON:" + code.name());
        }
        for (RejectReason reason : RejectReason.values()) {
            assertThat(kinds).contains("REJECT:" + reason.name());
        }
        assertThat(kinds).contains("NONE:");
        // every subject type the flag table names, with the subject of its rule
        for (String[] r : truth) {
            if (r[2].equals("FLAG")) {
                assertThat(r[4]).isEqualTo(FlagRule.valueOf(r[3]).subjectType());
            }
            assertThat(r[6].isEmpty()).as("cycle empty only for REJECT").isEqualTo(r[2].equals("REJECT"));
        }
        assertThat(report.anomalyCases()).isEqualTo((int) truth.stream()
                .filter(r -> !r[2].equals("REJECT")).map(r -> r[0]).distinct().count());
    }

    @Test
    void groundTruthSubjectsExistAndClaimsAreVisibleAtTheirCycle() throws IOException {
        Map<String, String[]> claims = new HashMap<>();
        read(csv.resolve("claims.csv")).forEach(r -> claims.put(r[0], r));
        Set<String> persons = new HashSet<>();
        read(csv.resolve("contributions.csv")).forEach(r -> persons.add(norm(r[0])));
        read(csv.resolve("registry.csv")).forEach(r -> persons.add(norm(r[0])));
        Set<String> units = read(csv.resolve("employers.csv")).stream().map(r -> r[0]).collect(Collectors.toSet());
        Set<String> accounts = new HashSet<>();
        read(csv.resolve("cards.csv")).forEach(r -> accounts.add(r[1]));
        read(csv.resolve("employers.csv")).forEach(r -> accounts.add(r[r.length - 1]));
        for (String[] r : truth) {
            switch (r[4]) {
                case "CLAIM" -> {
                    assertThat(claims).containsKey(r[5]);
                    LocalDate submitted = LocalDate.parse(claims.get(r[5])[8]);
                    assertThat(submitted).as(r[0]).isBefore(Months.firstDay(Integer.parseInt(r[6])));
                }
                case "PERSON" -> assertThat(persons).contains(r[5]);
                case "UNIT" -> assertThat(units).contains(r[5]);
                case "CARD" -> assertThat(accounts).contains(r[5]);
                case "ROW" -> assertThat(r[5]).matches("[a-z_]+:\\d+");
                default -> throw new AssertionError(r[4]);
            }
        }
    }

    @Test
    void rejectLinesAreExactlyTheBadRows() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        truth.stream().filter(r -> r[2].equals("REJECT")).forEach(r -> expected.put(r[5], r[3]));
        Map<String, String> found = new TreeMap<>();
        for (TableSpec spec : Tables.ALL) {
            List<String> lines = Files.readAllLines(csv.resolve(spec.name() + ".csv"));
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < lines.size(); i++) {
                String reason = firstFailure(spec, lines.get(i));
                if (reason == null && !seen.add(lines.get(i))) {
                    reason = RejectReason.DUPLICATE_ROW.name();
                }
                if (reason != null) {
                    found.put(spec.name() + ":" + (i + 1), reason);
                }
            }
        }
        assertThat(found).isEqualTo(expected);
        assertThat(report.badRows()).isEqualTo(expected.size());
    }

    @Test
    void backgroundGivesNoScreeningFlag() throws IOException {
        Map<String, Set<String>> subjects = new HashMap<>();
        truth.forEach(r -> subjects.computeIfAbsent(r[3], k -> new HashSet<>()).add(r[5]));
        Set<String> bad = rejectLines();
        List<String[]> contributions = goodRows("contributions", bad);
        List<String[]> registry = goodRows("registry", bad);
        List<String[]> cards = goodRows("cards", bad);
        List<String[]> employers = goodRows("employers", bad);
        List<String[]> claims = goodRows("claims", bad);

        // SHARED_ACCOUNT: a card number of two persons, a unit account equal to a card or to another unit's
        Map<String, Set<String>> holders = new HashMap<>();
        cards.forEach(r -> holders.computeIfAbsent(r[1], k -> new TreeSet<>()).add(norm(r[0])));
        employers.forEach(r -> holders.computeIfAbsent(r[5], k -> new TreeSet<>()).add(r[0]));
        Set<String> shared = holders.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(shared).isEqualTo(subjects.get("SHARED_ACCOUNT"));

        // CONCURRENT_EMPLOYERS, RETROACTIVE_PAYMENT, NAME_MISMATCH
        Map<String, Set<String>> unitsPerMonth = new HashMap<>();
        Set<String> late = new TreeSet<>();
        Map<String, String> contributionNames = new HashMap<>();
        for (String[] r : contributions) {
            String person = norm(r[0]);
            contributionNames.put(person, r[1]);
            if (r[6].equals("110") && r[10].equals("PAID")) {
                unitsPerMonth.computeIfAbsent(person + "/" + r[5], k -> new TreeSet<>()).add(r[2]);
                int month = Integer.parseInt(r[5]);
                if (!LocalDate.parse(r[11]).isBefore(Months.firstDay(Months.plus(month, 4)))) {
                    late.add(person);
                }
            }
        }
        Set<String> concurrent = unitsPerMonth.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey().substring(0, 18)).collect(Collectors.toSet());
        assertThat(concurrent).isEqualTo(subjects.get("CONCURRENT_EMPLOYERS"));
        assertThat(late).isEqualTo(subjects.get("RETROACTIVE_PAYMENT"));
        Set<String> mismatched = registry.stream()
                .filter(r -> contributionNames.containsKey(norm(r[0])) && !contributionNames.get(norm(r[0])).equals(r[1]))
                .map(r -> norm(r[0])).collect(Collectors.toSet());
        assertThat(mismatched).isEqualTo(subjects.get("NAME_MISMATCH"));

        // claim-level: MULTI_AGENCY_SAME_YEAR, AGENCY_REPEAT, DOUBLE_SCHEME, DECEASED_CLAIM, OVERCLAIM
        Map<String, Set<String>> agenciesPerWorkerYear = new HashMap<>();
        Map<String, Set<String>> yearsPerAgencyWorker = new HashMap<>();
        Map<String, Set<String>> grants = new HashMap<>();
        for (String[] c : claims) {
            if (c[1].equals("DISPATCH_ONE_TIME")) {
                String year = Months.format(Months.parseOrThrow(c[6])).substring(0, 4);
                agenciesPerWorkerYear.computeIfAbsent(norm(c[2]) + "/" + year, k -> new TreeSet<>()).add(c[3]);
                yearsPerAgencyWorker.computeIfAbsent(c[3] + "/" + norm(c[2]), k -> new TreeSet<>()).add(year);
            }
            if (!c[5].equals("CITY_2023")) {
                for (int m : months(c)) {
                    grants.computeIfAbsent(norm(c[2]) + "/" + c[1], k -> new HashSet<>()).add(Integer.toString(m));
                }
            }
        }
        assertThat(agenciesPerWorkerYear.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey().substring(0, 18)).collect(Collectors.toSet()))
                .isEqualTo(subjects.get("MULTI_AGENCY_SAME_YEAR"));
        assertThat(yearsPerAgencyWorker.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey().substring(0, 18)).collect(Collectors.toSet()))
                .isEqualTo(subjects.get("AGENCY_REPEAT"));

        Map<String, LocalDate> deceased = new HashMap<>();
        registry.stream().filter(r -> r.length > 6 && "DECEASED".equals(r[6]))
                .forEach(r -> deceased.put(norm(r[0]), LocalDate.parse(r[5])));
        Map<String, List<String[]>> byPerson = new HashMap<>();
        contributions.forEach(r -> byPerson.computeIfAbsent(norm(r[0]), k -> new ArrayList<>()).add(r));
        Set<String> doubleScheme = new TreeSet<>();
        Set<String> deceasedClaims = new TreeSet<>();
        Set<String> overclaims = new TreeSet<>();
        for (String[] c : claims) {
            if (!c[5].equals("CITY_2023") || !ResidentId.isValid(c[2])) {
                continue;
            }
            String person = norm(c[2]);
            Set<String> granted = grants.getOrDefault(person + "/" + c[1], Set.of());
            for (int m : months(c)) {
                if (granted.contains(Integer.toString(m))) {
                    doubleScheme.add(c[0]);
                }
                if (deceased.containsKey(person) && Months.firstDay(m).isAfter(deceased.get(person))) {
                    deceasedClaims.add(c[0]);
                }
            }
            if (!c[9].isEmpty() && new BigDecimal(c[9]).compareTo(exact(c, byPerson.getOrDefault(person, List.of())).multiply(new BigDecimal("1.1"))) > 0) {
                overclaims.add(c[0]);
            }
        }
        assertThat(doubleScheme).isEqualTo(subjects.get("DOUBLE_SCHEME").stream()
                .filter(s -> s.startsWith("C")).collect(Collectors.toSet()));
        assertThat(deceasedClaims).isEqualTo(subjects.get("DECEASED_CLAIM"));
        assertThat(overclaims).isEqualTo(subjects.get("OVERCLAIM"));
    }

    @Test
    void parquetHoldsTheSameGoodRows() throws IOException {
        Path parquet = dir.resolve("parquet");
        GeneratorReport p = ProvinceGenerator.generate(TestSpark.session(), new GeneratorOptions(PERSONS, SEED, parquet, "parquet"));
        for (TableSpec spec : Tables.ALL) {
            assertThat(Files.isDirectory(parquet.resolve(spec.name() + ".parquet"))).isTrue();
            assertThat(p.rows(spec.name())).as(spec.name()).isEqualTo(report.rows(spec.name()));
            assertThat(TestSpark.session().read().parquet(parquet.resolve(spec.name() + ".parquet").toString()).columns())
                    .containsExactlyElementsOf(spec.columnNames());
        }
        try (Stream<Path> s = Files.list(parquet.resolve("contributions.parquet"))) {
            assertThat(s.map(f -> f.getFileName().toString())).allMatch(n -> n.matches("part-\\d{5}\\.snappy\\.parquet"));
        }
        List<String> expected = Files.readAllLines(csv.resolve("ground_truth.csv")).stream()
                .filter(l -> !l.contains(",REJECT,")).toList();
        assertThat(Files.readAllLines(parquet.resolve("ground_truth.csv"))).isEqualTo(expected);
        assertThat(p.badRows()).isZero();
    }

    @Test
    void optionsAreCheckedBeforeSparkStarts() {
        assertThatThrownBy(() -> new GeneratorOptions(49, 1, dir, "csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--persons must be at least 50");
        assertThatThrownBy(() -> new GeneratorOptions(100, 1, dir, "json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--format must be csv or parquet");
        assertThat(new GeneratorOptions(100, 1, dir, "Parquet").format()).isEqualTo("parquet");
        WengangCommand root = new WengangCommand(settings -> {
            throw new AssertionError("Spark must not start");
        });
        int code = WengangCommand.commandLine(root).execute("generate", "--persons", "10", "--out", dir.toString());
        assertThat(code).isEqualTo(ExitCode.USAGE);
    }

    // ---- an independent reader: the contract's "first failing column" ----

    private static String firstFailure(TableSpec spec, String line) {
        String[] f = line.split(",", -1);
        if (f.length != spec.columns().size()) {
            return RejectReason.MALFORMED_LINE.name();
        }
        for (int i = 0; i < f.length; i++) {
            ColumnSpec c = spec.columns().get(i);
            String v = f[i];
            if (v.isEmpty()) {
                if (c.required()) {
                    return RejectReason.MISSING_VALUE.name();
                }
                continue;
            }
            String reason = switch (c.kind()) {
                case RESIDENT_ID -> ResidentId.isValid(v) ? null : "BAD_ID";
                case CREDIT_CODE -> CreditCode.isValid(v) ? null : "BAD_CREDIT_CODE";
                case CODE -> c.codes().contains(v) ? null : "UNKNOWN_CODE";
                case DIVISION -> v.matches("\\d{6}") ? null : "UNKNOWN_CODE";
                case MONTH -> Months.parse(v).isPresent() ? null : "BAD_MONTH";
                case DATE -> date(v) ? null : "BAD_DATE";
                case MONEY -> !v.matches("-?\\d+(\\.\\d{1,2})?") ? "BAD_NUMBER" : (v.startsWith("-") ? "NEGATIVE_AMOUNT" : null);
                case COUNT -> !v.matches("-?\\d+") ? "BAD_NUMBER" : (v.startsWith("-") ? "NEGATIVE_AMOUNT" : null);
                case BOOLEAN -> v.equals("true") || v.equals("false") ? null : "UNKNOWN_CODE";
                case TEXT -> null;
            };
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static boolean date(String v) {
        try {
            return v.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(v) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // ---- helpers ----

    /** What a claim asks for, recomputed from the written files (P7–P11). */
    private static BigDecimal exact(String[] c, List<String[]> personContributions) {
        return switch (c[1]) {
            case "LIVING" -> new BigDecimal(500 * months(c).size());
            case "TRANSPORT" -> new BigDecimal(800);
            case "DISPATCH_ONE_TIME" -> new BigDecimal(5000);
            case "TRAINING" -> new BigDecimal(30 * Math.min(Integer.parseInt(c[10]), 8 * Integer.parseInt(c[11])));
            case "SI_SUBSIDY" -> {
                Set<String> ms = months(c).stream().map(String::valueOf).collect(Collectors.toSet());
                yield personContributions.stream()
                        .filter(r -> ms.contains(r[5]) && r[4].equals("440100")
                                && r[10].equals("PAID") && List.of("110", "210", "310").contains(r[6]))
                        .map(r -> new BigDecimal(r[8])).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            default -> throw new AssertionError(c[1]);
        };
    }

    private static List<Integer> months(String[] claim) {
        List<Integer> out = new ArrayList<>();
        int to = Months.parseOrThrow(claim[7]);
        for (int m = Months.parseOrThrow(claim[6]); m <= to; m = Months.plus(m, 1)) {
            out.add(m);
        }
        return out;
    }

    private static String norm(String id) {
        return ResidentId.normalise(id).orElse(id);
    }

    private static Set<String> rejectLines() {
        return truth.stream().filter(r -> r[2].equals("REJECT")).map(r -> r[5]).collect(Collectors.toSet());
    }

    private static List<String[]> goodRows(String table, Set<String> bad) throws IOException {
        List<String[]> rows = read(csv.resolve(table + ".csv"));
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!bad.contains(table + ":" + (i + 2))) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /** Data lines (header skipped) split on commas: generated values never need quoting. */
    private static List<String[]> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
