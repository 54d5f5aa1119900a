package wengang.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
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
import wengang.schemas.ResidentId;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;
import wengang.testing.TestSpark;

/**
 * {@code wengang generate --persons 200 --insured 500}: 300 ordinary workers around the
 * province of 200 persons. Same seed, same bytes; the registry-side rows and the ground
 * truth are those of the province without them; ordinary workers are in no registry row
 * and no claim, and have several insurance types a month, also outside Guangzhou. And the
 * default province (no --insured) is byte for byte what it was before ordinary workers
 * existed.
 */
class InsuredProvinceTest {
    private static final long PERSONS = 200;
    private static final long INSURED = 500;
    private static final long SEED = 7;

    /**
     * SHA-256 of {@code generate --persons 200 --seed 7} (CSV) as written before ordinary
     * workers existed (commit 9e16cdd). A deliberate change to the default province changes
     * these: then update them, and say so in the commit.
     */
    private static final Map<String, String> DEFAULT_PROVINCE = Map.of(
            "cards.csv", "eaf57bc9bf86d6bef4db361c8038e338f0f677f5af473565fdfa1167c9780722",
            "claims.csv", "dd7a768e82d1709729434963066e647d8ce50db8a2ac7a31fc16de2a773f66da",
            "contributions.csv", "0b03229cd2b89b84129dae98763fa6131779f47bf059a4208aa26d6bb8bfc8ab",
            "employers.csv", "e3162fb119fc3f71edd18635c068839f0709b1d929fb2d13b9a48b146b79d617",
            "ground_truth.csv", "b7622dc8c56975392ceb1055eef04563f36f5133826ccbe998350ab499368857",
            "quotas.csv", "0074aafbdcad8a54415171a22ab247638d89367831d4983f60b7cb3ac635b525",
            "registry.csv", "b02527a5241744951a7b6eb032b89d3998bf6a740e63505cbbdce58cde580552");

    @TempDir
    static Path dir;

    private static Path plain;
    private static Path insured;
    private static GeneratorReport insuredReport;

    @BeforeAll
    static void generate() {
        plain = dir.resolve("plain");
        ProvinceGenerator.generate(TestSpark.session(), new GeneratorOptions(PERSONS, SEED, plain, "csv"));
        insured = dir.resolve("insured");
        insuredReport = ProvinceGenerator.generate(TestSpark.session(),
                new GeneratorOptions(PERSONS, INSURED, SEED, insured, "csv"));
    }

    @Test
    void theDefaultProvinceIsByteForByteWhatItWas() throws IOException {
        Map<String, String> found = new TreeMap<>();
        for (String f : DEFAULT_PROVINCE.keySet()) {
            found.put(f, sha256(plain.resolve(f)));
        }
        assertThat(found).isEqualTo(new TreeMap<>(DEFAULT_PROVINCE));
    }

    @Test
    void sameSeedGivesTheSameBytesWithOrdinaryWorkers() throws IOException {
        Path again = dir.resolve("insured-again");
        ProvinceGenerator.generate(TestSpark.session(), new GeneratorOptions(PERSONS, INSURED, SEED, again, "csv"));
        assertThat(digests(again)).isEqualTo(digests(insured));

        Path parquet = dir.resolve("insured-parquet");
        Path parquetAgain = dir.resolve("insured-parquet-again");
        GeneratorReport p = ProvinceGenerator.generate(TestSpark.session(),
                new GeneratorOptions(PERSONS, INSURED, SEED, parquet, "parquet"));
        ProvinceGenerator.generate(TestSpark.session(), new GeneratorOptions(PERSONS, INSURED, SEED, parquetAgain, "parquet"));
        assertThat(digests(parquetAgain)).isEqualTo(digests(parquet));
        for (TableSpec spec : Tables.ALL) {
            assertThat(p.rows(spec.name())).as(spec.name()).isEqualTo(insuredReport.rows(spec.name()));
        }
    }

    @Test
    void theReportCountsTheInsured() {
        assertThat(insuredReport.persons()).isEqualTo(PERSONS);
        assertThat(insuredReport.insured()).isEqualTo(INSURED);
        assertThat(insuredReport.contributionRowsPerInsured())
                .isEqualTo((double) insuredReport.rows("contributions") / INSURED);
        assertThat(insuredReport.summary()).contains("500 insured persons (200 registry-side = 40.0 %, 300 ordinary workers)")
                .contains("contribution rows per insured person");
    }

    @Test
    void everyRegistrySideRowAndExpectationIsAsWithoutOrdinaryWorkers() throws IOException {
        for (String f : List.of("registry.csv", "claims.csv", "employers.csv", "quotas.csv")) {
            assertThat(Files.readAllBytes(insured.resolve(f))).as(f).isEqualTo(Files.readAllBytes(plain.resolve(f)));
        }
        List<String> plainTruth = Files.readAllLines(plain.resolve("ground_truth.csv"));
        List<String> insuredTruth = Files.readAllLines(insured.resolve("ground_truth.csv"));
        assertThat(insuredTruth.stream().filter(l -> !l.contains(",REJECT,")))
                .containsExactlyElementsOf(plainTruth.stream().filter(l -> !l.contains(",REJECT,")).toList());
        // the same bad rows, at other line numbers of the longer files
        assertThat(rejected(insured)).containsExactlyInAnyOrderElementsOf(rejected(plain));

        Set<String> registrySide = personIds(plain, "contributions");
        registrySide.addAll(personIds(plain, "cards"));
        for (String table : List.of("contributions", "cards")) {
            List<String> kept = goodLines(insured, table).stream()
                    .filter(l -> registrySide.contains(norm(l.substring(0, l.indexOf(','))))).toList();
            assertThat(kept).as(table).containsExactlyElementsOf(goodLines(plain, table));
        }
    }

    @Test
    void ordinaryWorkersAreInNoRegistryRowAndNoClaim() throws IOException {
        Set<String> registrySide = personIds(plain, "contributions");
        registrySide.addAll(personIds(plain, "cards"));
        registrySide.addAll(personIds(plain, "registry"));
        Set<String> everyone = personIds(insured, "contributions");
        everyone.addAll(personIds(insured, "cards"));
        assertThat(everyone).containsAll(personIds(plain, "contributions"));
        Set<String> ordinary = new HashSet<>(everyone);
        ordinary.removeAll(registrySide);
        // every ordinary worker contributes, valid IDs; the registry share: 200 of the 500 insured
        assertThat(ordinary).hasSize((int) (INSURED - PERSONS)).allMatch(ResidentId::isValid);
        Set<String> named = new HashSet<>();
        read(insured.resolve("registry.csv")).forEach(r -> named.add(norm(r[0])));
        read(insured.resolve("claims.csv")).forEach(r -> {
            named.add(norm(r[2]));
            named.add(norm(r[3]));
        });
        assertThat(ordinary).doesNotContainAnyElementsOf(named);
    }

    @Test
    void ordinaryWorkersHaveSeveralInsuranceTypesAMonthInSeveralCities() throws IOException {
        Set<String> plainIds = personIds(plain, "contributions");
        Map<String, Set<String>> types = new HashMap<>();
        Map<String, Long> regions = new TreeMap<>();
        for (String[] r : goodLines(insured, "contributions").stream().map(l -> l.split(",", -1)).toList()) {
            if (plainIds.contains(norm(r[0])) || r[10].equals("REVERSED")) {
                continue;
            }
            types.computeIfAbsent(norm(r[0]) + "/" + r[2] + "/" + r[5], k -> new TreeSet<>()).add(r[6]);
            regions.merge(r[4], 1L, Long::sum);
        }
        assertThat(types.values()).allMatch(t -> t.size() >= 4);
        assertThat(types.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("110", "120", "210", "310", "410", "510");
        assertThat(regions.keySet()).contains("440100").hasSizeGreaterThan(5)
                .allMatch(c -> c.matches("44\\d{2}00"));
        long total = regions.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total - regions.get("440100")).isGreaterThan(total / 3);
    }

    @Test
    void noCardIsSharedButTheInjectedOnes() throws IOException {
        Set<String> injected = read(insured.resolve("ground_truth.csv")).stream()
                .filter(r -> r[3].equals("SHARED_ACCOUNT")).map(r -> r[5]).collect(Collectors.toSet());
        Map<String, Set<String>> holders = new HashMap<>();
        goodLines(insured, "cards").stream().map(l -> l.split(",", -1))
                .forEach(r -> holders.computeIfAbsent(r[1], k -> new TreeSet<>()).add(norm(r[0])));
        goodLines(insured, "employers").stream().map(l -> l.split(",", -1))
                .forEach(r -> holders.computeIfAbsent(r[5], k -> new TreeSet<>()).add(r[0]));
        assertThat(holders.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(injected);
    }

    // ---- helpers ----

    /** The raw lines of a table's file without the header and the injected bad lines. */
    private static List<String> goodLines(Path folder, String table) throws IOException {
        Set<String> bad = rejectLines(folder);
        List<String> lines = Files.readAllLines(folder.resolve(table + ".csv"));
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!bad.contains(table + ":" + (i + 1))) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    private static Set<String> rejectLines(Path folder) throws IOException {
        return read(folder.resolve("ground_truth.csv")).stream().filter(r -> r[2].equals("REJECT")).map(r -> r[5])
                .collect(Collectors.toSet());
    }

    /** The bad lines themselves (reason and raw line), in file order. */
    private static List<String> rejected(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        for (String[] r : read(folder.resolve("ground_truth.csv"))) {
            if (r[2].equals("REJECT")) {
                String table = r[5].substring(0, r[5].indexOf(':'));
                int line = Integer.parseInt(r[5].substring(r[5].indexOf(':') + 1));
                out.add(r[1] + " " + r[3] + " " + Files.readAllLines(folder.resolve(table + ".csv")).get(line - 1));
            }
        }
        return out;
    }

    private static Set<String> personIds(Path folder, String table) throws IOException {
        return goodLines(folder, table).stream().map(l -> norm(l.substring(0, l.indexOf(','))))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String norm(String id) {
        return ResidentId.normalise(id).orElse(id);
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    /** Relative path → SHA-256 of every file under the folder. */
    private static Map<String, String> digests(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(f).toString(), sha256(f));
            }
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
