package wengang.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static wengang.ingest.IngestTestData.acceptedByLine;
import static wengang.ingest.IngestTestData.credit;
import static wengang.ingest.IngestTestData.id;
import static wengang.ingest.IngestTestData.rejectsByLine;
import static wengang.ingest.IngestTestData.validateCsv;
import static wengang.ingest.IngestTestData.write;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.schemas.Tables;
import wengang.testing.TestSpark;

/** CSV lines: numbering, encodings, Spark's parser and malformed lines. */
class CsvLinesTest {
    static final String AGENCY = credit("91440101MA5C00001");
    static final String ZHANG = id("52052419900101123");
    static final String LIU = id("52270119851230456");

    @TempDir
    Path dir;

    @Test
    void wrongFieldCountsAndBrokenQuotesAreMalformedLines() {
        // columns in another order, names padded and in mixed case, one extra column
        String header = "bank_account, Employer_ID ,name,registered_district,unit_type,dispatch_licensed,note";
        Dataset<Row> v = validateCsv(Tables.EMPLOYERS, String.join("\n",
                header,
                "6222001," + AGENCY + ",\"Acme, \"\"Best\"\" Ltd\",440106,ENTERPRISE,Y,ok",
                "6222002," + AGENCY + ",Acme,440106,ENTERPRISE,Y",
                "6222003," + AGENCY + ",Acme,440106,ENTERPRISE,Y,ok,surplus",
                "6222004," + AGENCY + ",Acme \"Best,440106,ENTERPRISE,Y,ok",
                "6222005," + AGENCY + ",\"Acme,440106,ENTERPRISE,Y,ok",
                "6222006," + AGENCY + ",Acme,440106,ENTERPRISE,Y,"));

        assertThat(rejectsByLine(v)).containsExactly(
                entry(3L, "-:MALFORMED_LINE"),
                entry(4L, "-:MALFORMED_LINE"),
                entry(5L, "-:MALFORMED_LINE"),
                entry(6L, "-:MALFORMED_LINE"));
        Map<Long, Row> ok = acceptedByLine(v);
        assertThat(ok.get(2L).<String>getAs("name")).isEqualTo("Acme, \"Best\" Ltd");
        assertThat(ok.get(2L).<String>getAs("bank_account")).isEqualTo("6222001");
        assertThat(ok.get(7L).<String>getAs("employer_id")).isEqualTo(AGENCY);
        Row raw = v.filter(col(RowValidation.SOURCE_LINE).equalTo(4)).first();
        assertThat(raw.<String>getAs(RowValidation.RAW)).isEqualTo("6222003," + AGENCY + ",Acme,440106,ENTERPRISE,Y,ok,surplus");
    }

    @Test
    void linesAreNumberedFromTheHeaderAndEmptyLinesAreSkipped() throws IOException {
        Path file = dir.resolve("cards.csv");
        String text = "\uFEFFperson_id,card_no,financial_enabled,status,activated_on\r\n"
                + ZHANG + ",C001,Y,ACTIVE,\r\n"
                + "\r\n"
                + LIU + ",C002,N,LOST,2023-01-05\r\n"
                + "\n"
                + ZHANG + ",C003,1,BROKEN,\r\n";
        write(file, text);

        CsvLines.Lines read = CsvLines.read(TestSpark.session(), Location.local(file), StandardCharsets.UTF_8);
        Dataset<Row> lines = read.rows();
        List<String> header = Headers.readCsvHeader(Location.local(file), StandardCharsets.UTF_8);
        Dataset<Row> v = RowValidation.validate(Tables.CARDS, CsvLines.parse(lines, header, Tables.CARDS));

        assertThat(read.count()).as("rows read").isEqualTo(3);
        assertThat(header).containsExactly("person_id", "card_no", "financial_enabled", "status", "activated_on");
        assertThat(lines.orderBy("line").collectAsList()).extracting(r -> r.getLong(0) + "|" + r.getString(1))
                .containsExactly("2|" + ZHANG + ",C001,Y,ACTIVE,", "4|" + LIU + ",C002,N,LOST,2023-01-05",
                        "6|" + ZHANG + ",C003,1,BROKEN,");
        assertThat(rejectsByLine(v)).containsExactly(entry(6L, "status:UNKNOWN_CODE"));
        assertThat(acceptedByLine(v)).containsOnlyKeys(2L, 4L);
    }

    @Test
    void gbkFilesAreDecodedAndUndecodableLinesAreMalformed() throws IOException {
        Charset gbk = Charset.forName("GBK");
        Path file = dir.resolve("registry.csv");
        write(file, "person_id,name,household_county,status,status_from,status_to,removal_reason\n"
                + ZHANG + ",张伟,520524,ALLEVIATED,2020-01-01,,\n"
                + LIU + ",刘芳芳,522701,MONITORED,2021-06-01,2023-05-31,OTHER\n", gbk);

        Dataset<Row> asGbk = RowValidation.validate(Tables.REGISTRY, CsvLines.parse(
                CsvLines.read(TestSpark.session(), Location.local(file), gbk).rows(), Headers.readCsvHeader(Location.local(file), gbk), Tables.REGISTRY));
        Dataset<Row> asUtf8 = RowValidation.validate(Tables.REGISTRY, CsvLines.parse(
                CsvLines.read(TestSpark.session(), Location.local(file), StandardCharsets.UTF_8).rows(),
                Headers.readCsvHeader(Location.local(file), StandardCharsets.UTF_8), Tables.REGISTRY));

        assertThat(rejectsByLine(asGbk)).isEmpty();
        assertThat(acceptedByLine(asGbk).values()).extracting(r -> r.<String>getAs("name"))
                .containsExactly("张伟", "刘芳芳");
        assertThat(rejectsByLine(asUtf8)).as("GBK bytes are not UTF-8")
                .containsExactly(entry(2L, "-:MALFORMED_LINE"), entry(3L, "-:MALFORMED_LINE"));
    }

    @Test
    void theDefaultQuotasFileIsValid() throws IOException {
        Path quotas = repositoryConf().resolve(InputFolder.DEFAULT_QUOTAS);
        List<String> header = Headers.readCsvHeader(Location.local(quotas), StandardCharsets.UTF_8);
        Dataset<Row> v = RowValidation.validate(Tables.QUOTAS, CsvLines.parse(
                CsvLines.read(TestSpark.session(), Location.local(quotas), StandardCharsets.UTF_8).rows(), header, Tables.QUOTAS));

        assertThat(rejectsByLine(v)).isEmpty();
        assertThat(acceptedByLine(v)).hasSize((int) Files.readAllLines(quotas).stream().skip(1)
                .filter(l -> !l.isEmpty()).count());
    }

    /** conf/ of the repository (tests run in jobs/). */
    static Path repositoryConf() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("conf").resolve(InputFolder.DEFAULT_QUOTAS))) {
                return p.resolve("conf");
            }
        }
        throw new IllegalStateException("no conf/reference/quotas.csv above " + Path.of("").toAbsolutePath());
    }

    @Test
    void aLineOfMoreCommasThanTheParserTakesIsAMalformedLineNotAFailedIngest() {
        // found by FuzzInputTest: the CSV parser stops at 20,480 fields and failed the whole query
        String header = "employer_id,name,registered_district,unit_type,dispatch_licensed,bank_account";
        String row = AGENCY + ",%s,440106,ENTERPRISE,N,6222001";
        Dataset<Row> v = validateCsv(Tables.EMPLOYERS, String.join("\n", header,
                row.formatted("Acme") + ",".repeat(30_000),
                row.formatted("\"" + ",".repeat(25_000) + "\""),
                row.formatted("Acme")));
        assertThat(rejectsByLine(v)).containsExactly(entry(2L, "-:MALFORMED_LINE"), entry(3L, "-:MALFORMED_LINE"));
        assertThat(acceptedByLine(v)).containsOnlyKeys(4L);
    }

    @Test
    void headerNamesBetweenNoBreakSpacesAreFoundAndAnUnreadableHeaderIsSaidInOneLine() throws IOException {
        assertThat(Headers.normalise("\u00A0Person_ID\u3000\t")).isEqualTo("person_id");
        // found by FuzzInputTest: the parser's message ran over two lines, with its internals
        assertThatThrownBy(() -> Headers.parseCsvLine("\"person_id,name"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the header line cannot be read as CSV: Missing closing quote")
                .hasMessageNotContaining("\n").hasMessageNotContaining("Source");
    }
}
