package wengang.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;

/** The encoding check on a file's first MiB: counts, the cut-off sample, the suggestion, the setting. No Spark. */
class EncodingCheckTest {
    static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "person_id,name,household_county,status,status_from,status_to,removal_reason";
    static final String ROW = "520524199001011234,张伟,520524,ALLEVIATED,2020-01-01,,";

    @TempDir
    Path dir;

    @Test
    void gbkReadAsUtf8FailsOnEveryLineWithChineseAndLooksLikeGbk() {
        byte[] file = (HEADER + "\r\n" + ROW + "\r\n\r\n" + ROW.replace("张伟", "ZHANG") + "\r" + ROW + "\n")
                .getBytes(GBK);

        EncodingCheck.Sample s = EncodingCheck.sample(file, true, StandardCharsets.UTF_8);

        assertThat(s.lines()).as("data lines: the empty one skipped, CR, LF and CRLF all end a line").isEqualTo(3);
        assertThat(s.undecodable()).as("the ASCII line decodes").isEqualTo(2);
        assertThat(s.headerUndecodable()).isFalse();
        assertThat(s.looksLike()).contains(GBK);
        assertThat(s.exceeds(0.5)).isTrue();
        assertThat(s.exceeds(0.7)).isFalse();
        assertThat(s.problem("registry.csv", 0.5)).isEqualTo("registry.csv: 2 of its 3 data lines are not valid"
                + " UTF-8, more than 50% (spark.wengang.ingest.maxUndecodableShare): the file is in another"
                + " encoding, nothing was written. It looks like GBK: try --encoding GBK.");
        assertThat(EncodingCheck.sample(file, true, GBK).undecodable()).as("read as GBK").isZero();
    }

    @Test
    void aUtf8FileWithOneBrokenLineIsBelowTheShareAndBytesValidNowhereSuggestNothing() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 9; i++) {
            text.append(ROW).append('\n');
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(good, good.length + 3);
        file[good.length] = (byte) 0xFF; // never valid in UTF-8 or GBK
        file[good.length + 1] = 'x';
        file[good.length + 2] = '\n';

        EncodingCheck.Sample s = EncodingCheck.sample(file, true, StandardCharsets.UTF_8);

        assertThat(s.lines()).isEqualTo(10);
        assertThat(s.undecodable()).isEqualTo(1);
        assertThat(s.exceeds(0.5)).isFalse();
        assertThat(s.exceeds(0.0)).as("share 0 refuses any undecodable line").isTrue();
        assertThat(s.looksLike()).as("the broken line is valid in no usual encoding").isEmpty();
        assertThat(s.problem("x.csv", 0)).endsWith("Give its encoding with --encoding (UTF-8 or GBK).");
    }

    @Test
    void onlyTheFirstMibIsReadAndTheCutOffLineIsLeftOut() throws IOException {
        String row = ROW + ",padding-to-make-the-line-longer\n";
        int rows = EncodingCheck.SAMPLE_BYTES / row.getBytes(GBK).length + 100;
        Path file = dir.resolve("registry.csv");
        Files.writeString(file, HEADER + "\n" + row.repeat(rows), GBK);

        EncodingCheck.Sample s = EncodingCheck.sample(Location.local(file), StandardCharsets.UTF_8);

        assertThat(s.wholeFile()).isFalse();
        int inSample = (EncodingCheck.SAMPLE_BYTES - (HEADER.length() + 1)) / row.getBytes(GBK).length;
        assertThat(s.lines()).isEqualTo(inSample).isLessThan(rows);
        assertThat(s.undecodable()).isEqualTo(inSample);
        assertThat(s.problem("registry.csv", 0.5))
                .startsWith("registry.csv: " + inSample + " of the first " + inSample + " data lines (its first 1 MiB)"
                        + " are not valid UTF-8");
    }

    @Test
    void anUndecodableHeaderIsNotedForHeaderProblems() {
        EncodingCheck.Sample s = EncodingCheck.sample(("人员编号,姓名\n1,2\n").getBytes(GBK), true,
                StandardCharsets.UTF_8);

        assertThat(s.exceeds(0.5)).isFalse();
        assertThat(s.headerNote()).isEqualTo(" (its header line is not valid UTF-8; it looks like GBK: try"
                + " --encoding GBK)");
        assertThat(EncodingCheck.sample("a,b\n1,2\n".getBytes(GBK), true, StandardCharsets.UTF_8).headerNote())
                .isEmpty();
        assertThat(EncodingCheck.sample(new byte[0], true, StandardCharsets.UTF_8))
                .extracting(EncodingCheck.Sample::lines, EncodingCheck.Sample::looksLike).containsExactly(0,
                        Optional.empty());
    }

    @Test
    void theShareIsBetweenZeroAndOneAndConfSaysTheCodeDefault() throws IOException {
        assertThat(EncodingCheck.parseShare(" 0.25 ")).isEqualTo(0.25);
        assertThatThrownBy(() -> EncodingCheck.parseShare("1.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spark.wengang.ingest.maxUndecodableShare=1.5")
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> EncodingCheck.parseShare("most")).isInstanceOf(IllegalArgumentException.class);

        Properties conf = new Properties();
        try (Reader r = Files.newBufferedReader(CsvLinesTest.repositoryConf().resolve("wengang.conf"))) {
            conf.load(r);
        }
        assertThat(Double.parseDouble(conf.getProperty(EncodingCheck.MAX_UNDECODABLE_SHARE)))
                .as("conf/wengang.conf and the default used under spark-submit agree")
                .isEqualTo(EncodingCheck.DEFAULT_MAX_UNDECODABLE_SHARE);
    }
}
