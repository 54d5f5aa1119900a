package wengang.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.PersonalData;
import wengang.testing.Fixture;
import wengang.testing.InputFolder;
import wengang.testing.TestSpark;

/**
 * Personal data (issue 14): a cycle run end to end, then every analyst output (report.html,
 * fulfilment files, risk ranking, the metrics, the notebooks' results) and everything the run
 * wrote to stderr and stdout is scanned for resident IDs, card numbers and names; the
 * warehouse and every output are the owner's only.
 */
class PersonalDataGuaranteeTest {
    @TempDir
    Path dir;

    static final String CARD = "6217000012345678901";

    @Test
    void noAnalystOutputOrLogShowsAPersonAndEverythingIsOwnerOnly() throws Exception {
        String p = person(141);
        String q = person(142);
        String u = unit(141);
        Fixture f = new Fixture().enterprise(u, YUEXIU).alleviated(p, BIJIE_QIXINGGUAN).card(p, CARD)
                .registry(q, "李四", QIANNAN_DUYUN, "ALLEVIATED", "2020-01-01", null, null).card(q, "6217000012345678919")
                .worked(p, u, 202310, 202312).worked(q, u, 202311, 202312)
                .claim("C-1", Subsidy.LIVING, p, YUEXIU, 202310, 202312, "2023-12-10")
                .claim("C-2", Subsidy.SI_SUBSIDY, q, YUEXIU, 202311, 202312, "2023-12-10");
        Path input = InputFolder.write(f, dir.resolve("input"));
        // a bad row naming the person: rejects.csv (operational) keeps it, nothing else may show it
        Files.writeString(input.resolve("contributions.csv"), p + ",张三,broken\n", java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("out");

        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        Level savedLevel = LogManager.getLogger("wengang").getLevel();
        Level savedProgress = LogManager.getLogger("wengang.progress").getLevel();
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> notebookResults = new ArrayList<>();
        try {
            // what Main does: stderr through the masking stream; progress logged as bin/wengang logs it
            System.setErr(new PrintStream(PersonalData.masked().maskingStream(stderr), true, StandardCharsets.UTF_8));
            Configurator.setLevel("wengang", Level.INFO);
            Configurator.setLevel("wengang.progress", Level.INFO);
            assertThat(execute(stdout, err, "run", "--input", input.toString(), "--cycle", "2024-01", "--out",
                    out.toString())).isEqualTo(ExitCode.OK);
            // a component that logs a person: shown masked
            LogManager.getLogger("wengang.privacy").warn("checking {} with card {}", p, CARD);
            // the notebooks as analysts run them (outside the run's folder: pages are theirs to share)
            Path pages = out.resolveSibling("notebook-pages");
            for (Path notebook : notebooks()) {
                StringWriter result = new StringWriter();
                assertThat(execute(result, err, "notebook", "run", notebook.toString(), "--warehouse",
                        out.resolve("warehouse").toString(), "--cycle", "2024-01", "--out", pages.toString()))
                        .as(notebook.toString()).isEqualTo(ExitCode.OK);
                notebookResults.add(result.toString());
                notebookResults.add(Files.readString(pages.resolve(
                        notebook.getFileName().toString().replaceFirst("\\.sql$", "") + ".html")));
            }
            StringWriter everything = new StringWriter();
            assertThat(execute(everything, err, "sql", "--warehouse", out.resolve("warehouse").toString(), "--query",
                    "select person_id, name, card_no from cards join registry using (person_id) order by person_id",
                    "--out", out.resolve("notebook-result.csv").toString())).isEqualTo(ExitCode.OK);
            notebookResults.add(everything.toString());
            notebookResults.add(Files.readString(out.resolve("notebook-result.csv")));
            StringWriter metrics = new StringWriter();
            assertThat(execute(metrics, err, "sql", "--warehouse", out.resolve("warehouse").toString(), "--query",
                    "select * from metrics")).isEqualTo(ExitCode.OK);
            notebookResults.add(metrics.toString());
        } finally {
            System.err.flush();
            System.setErr(savedErr);
            Configurator.setLevel("wengang", savedLevel);
            Configurator.setLevel("wengang.progress", savedProgress);
        }
        String logs = stderr.toString(StandardCharsets.UTF_8) + err;

        // the logs did log (progress) and the one line naming a person shows it masked
        assertThat(logs).contains("wengang cycle 2024-01").contains(PersonalData.maskId(p)).contains("6217***********8901");
        assertThat(notebookResults.get(notebookResults.size() - 3)).contains(PersonalData.maskId(q)).contains("李*");
        List<String> analyst = new ArrayList<>(List.of(logs, stdout.toString(),
                Files.readString(out.resolve("report.html")), Files.readString(out.resolve("fulfilment.csv")),
                Files.readString(out.resolve("fulfilment_monthly.csv")), Files.readString(out.resolve("risk_units.csv"))));
        analyst.addAll(notebookResults);
        // the pages inline the ECharts library, whose map coordinates look like old 15-digit IDs: not data
        String library = wengang.report.AnalystReport.scriptSafe(wengang.report.AnalystReport.echarts());
        analyst.replaceAll(text -> text.replace(library, ""));
        for (String text : analyst) {
            assertThat(unmaskedIds(text)).isEmpty();
            assertThat(text).doesNotContain(p).doesNotContain(q).doesNotContain(CARD).doesNotContain("张三").doesNotContain("李四");
        }
        // the operational outputs do carry the real values, for authorised staff
        assertThat(Files.readString(out.resolve("rejects.csv"))).contains(p);
        assertThat(Files.readString(out.resolve("payments").resolve(YUEXIU + ".csv"))).contains(p, CARD);

        // owner-only: every folder 700 and every file 600, the warehouse's Delta files included
        List<String> notOwnerOnly = new ArrayList<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path x : all.toList()) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(x));
                String expected = Files.isDirectory(x) ? "rwx------" : "rw-------";
                if (!perms.equals(expected)) {
                    notOwnerOnly.add(perms + " " + out.relativize(x));
                }
            }
        }
        assertThat(notOwnerOnly).isEmpty();
        assertThat(out.resolve("warehouse").resolve("gold").resolve("ledger")).isDirectory();
    }

    /** Resident-ID-shaped tokens in {@code text} that are not masked. */
    static List<String> unmaskedIds(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PersonalData.RESIDENT_ID.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static List<Path> notebooks() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).getParent().resolve("notebooks");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(x -> x.toString().endsWith(".sql")).sorted().toList();
        }
    }

    static int execute(StringWriter out, StringWriter err, String... args) {
        WengangCommand root = new WengangCommand(settings -> TestSpark.session());
        CommandLine cl = WengangCommand.commandLine(root);
        PrintStream savedOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            // Dataset.show prints through Scala's Console, which keeps the stdout of its start
            return scala.Console$.MODULE$.withOut(System.out, (scala.Function0<Integer>) () -> cl.execute(args));
        } finally {
            System.setOut(savedOut);
            out.write(printed.toString(StandardCharsets.UTF_8));
        }
    }
}
