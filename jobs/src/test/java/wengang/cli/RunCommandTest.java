package wengang.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.OutputFiles;
import wengang.testing.Fixture;
import wengang.testing.InputFolder;
import wengang.testing.TestSpark;

/** The command acceptance tests call: `run --input DIR --cycle yyyy-MM --out DIR` writes every contract file. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void runWritesEveryContractFileWithItsHeader() throws Exception {
        String p = person(141);
        String u = unit(141);
        Fixture f = new Fixture().enterprise(u, YUEXIU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "6217")
                .worked(p, u, 202310, 202312)
                // arrive after 2024-01-01, so cycle 2024-01 cannot see them (P5): a back-payment, a later month
                .pension(p, u, 202309, "5000.00", PayStatus.PAID, "2024-01-20", StaffType.REGULAR, null)
                .worked(p, u, 202401, 202401)
                .claim("C-1", Subsidy.LIVING, p, YUEXIU, 202310, 202312, "2023-12-10")
                .claim("C-2", Subsidy.LIVING, p, YUEXIU, 202309, 202309, "2023-12-10");
        Path input = InputFolder.write(f, dir.resolve("input"));
        Files.writeString(input.resolve("contributions.csv"), "not,a,row\n", java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("out");

        int code = execute("run", "--input", input.toString(), "--cycle", "2024-01", "--out", out.toString());
        assertThat(code).isEqualTo(ExitCode.OK);
        for (OutputFiles.OutputFile file : OutputFiles.ALWAYS) {
            List<String> lines = Files.readAllLines(out.resolve(file.fileName()));
            assertThat(lines.get(0)).as(file.fileName()).startsWith(String.join(",", file.columns()));
        }
        assertThat(Files.readString(out.resolve("claim_decisions.csv"))).contains("C-1,APPROVED,1500.00,");
        assertThat(Files.readAllLines(out.resolve("rejects.csv"))).hasSize(2)
                .last().asString().contains("contributions", "MALFORMED_LINE");
        assertThat(out.resolve("payments").resolve("manifest.json")).exists();
        assertThat(Files.list(out.resolve("payments")).count()).isEqualTo(12); // 11 districts + manifest
        assertThat(out.resolve("warehouse")).isDirectory();
        // the analysts' report: ECharts charts inlined, names beside codes, and no person id appears
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Target fulfilment", "data-chart=\"monthly\"", "越秀区").doesNotContain(p);
        assertThat(Files.readString(out.resolve("fulfilment_monthly.csv"))).contains("202312,440100,广州市,1,,");

        // notebooks (issue 15): every notebook runs against the warehouse and renders one page
        try (var notebooks = Files.list(Path.of("..", "notebooks"))) {
            List<Path> files = notebooks.filter(n -> n.toString().endsWith(".sql")).sorted().toList();
            assertThat(files).hasSize(5);
            for (Path nb : files) {
                StringWriter err = new StringWriter();
                // the notebook and the page folder as file: URIs (any Hadoop path works, issue 13)
                int rc = execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "notebook", "run",
                        nb.toAbsolutePath().toUri().toString(), "--warehouse", out.resolve("warehouse").toString(),
                        "--cycle", "2024-01", "--out", dir.resolve("notebooks").toUri().toString());
                assertThat(rc).as(nb + ": " + err).isEqualTo(ExitCode.OK);
                String name = nb.getFileName().toString().replace(".sql", ".html");
                String page = Files.readString(dir.resolve("notebooks").resolve(name));
                wengang.report.Notebook parsed = wengang.report.Notebook.parse(Files.readString(nb));
                long sqlCells = parsed.cells().stream().filter(c -> !c.markdown()).count();
                assertThat(page.split("<pre>", -1).length - 1).as(name).isEqualTo((int) sqlCells);
                assertThat(page.split("<table>", -1).length - 1).as(name + " results").isEqualTo((int) sqlCells);
                assertThat(page).as(name).contains("<h1>").doesNotContain(p).doesNotContain("CREATE WIDGET");
            }
        }
        assertThat(Files.readString(dir.resolve("notebooks").resolve("01_fulfilment.html")))
                .contains("parameters {cycle=202401}", "data-chart=\"chart-");

        // explain (issue 3): month by month, the rule and its seed paragraph, the rows used
        StringWriter explained = new StringWriter();
        assertThat(execute(new PrintWriter(explained), new PrintWriter(new StringWriter()), "explain",
                "--warehouse", out.resolve("warehouse").toString(), "--claim", "C-2")).isEqualTo(ExitCode.OK);
        assertThat(explained.toString())
                .contains("claim C-2 at cycle 2024-01: LIVING REJECTED")
                .containsPattern("202309 REJECTED +0\\.00 +NO_PAID_CONTRIBUTION: .*\\[P3/P6, seeds/000 问题六\\(一\\)\\]")
                .containsPattern("202310 PAYABLE .*spell 202310\\.\\.202312")
                .containsPattern("line \\d+: 202310 110 PAID paid_on 2023-10-\\d\\d at " + u);
        // issue 10: rows used are the ones the cycle saw; the back-payment of 202309 is marked, not used
        String used = section(explained.toString(), "contribution rows used");
        assertThat(used).contains("visible at cycle 2024-01 (PAID before 2024-01-01, or not PAID), months up to 202312")
                .containsPattern("line \\d+: 202312 110 PAID paid_on 2023-12-15 at " + u)
                .doesNotContain("2024-01-20").doesNotContain("2024-01-15").doesNotContain("202309");
        assertThat(section(explained.toString(), "contribution rows NOT VISIBLE"))
                .containsPattern("line \\d+ NOT VISIBLE at 2024-01: 202309 110 PAID paid_on 2024-01-20 at " + u)
                .doesNotContain("202401 110");
        assertThat(explained.toString()).contains("3 contribution row(s) of months after 202312 not listed")
                .doesNotContainPattern("\\n  202309 \\w+ +unit ");
        StringWriter byPerson = new StringWriter();
        assertThat(execute(new PrintWriter(byPerson), new PrintWriter(new StringWriter()), "explain",
                "--warehouse", out.resolve("warehouse").toString(), "--person", p, "--cycle", "2024-01")).isEqualTo(ExitCode.OK);
        assertThat(byPerson.toString()).contains("person " + p + " at cycle 2024-01").contains("202312 PAYABLE");
    }

    @Test
    void missingRequiredFileStopsWithExitCode3AndNamesIt() throws Exception {
        Path input = InputFolder.write(new Fixture(), dir.resolve("input"));
        Files.delete(input.resolve("registry.csv"));
        StringWriter err = new StringWriter();
        int code = execute(new PrintWriter(err), "run", "--input", input.toString(), "--cycle", "2024-01",
                "--out", dir.resolve("out").toString());
        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("registry");
        assertThat(dir.resolve("out").resolve("claim_decisions.csv")).doesNotExist();
    }

    /** The lines of one paragraph of explain's output, from its heading to the next blank line. */
    private static String section(String output, String heading) {
        int start = output.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = output.indexOf("\n\n", start);
        return end < 0 ? output.substring(start) : output.substring(start, end);
    }

    private static int execute(String... args) {
        return execute(new PrintWriter(new StringWriter()), args);
    }

    private static int execute(PrintWriter err, String... args) {
        return execute(new PrintWriter(new StringWriter()), err, args);
    }

    private static int execute(PrintWriter out, PrintWriter err, String... args) {
        WengangCommand root = new WengangCommand(settings -> TestSpark.session());
        CommandLine cl = WengangCommand.commandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }
}
