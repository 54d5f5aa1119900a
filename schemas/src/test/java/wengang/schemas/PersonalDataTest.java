package wengang.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How personal data is shown outside the operational outputs: masked, or a keyed pseudonym. */
class PersonalDataTest {
    static final String ID = "44010619900101123X";
    static final String LEGACY = "440106900101123";

    @Test
    void idsCardsAndNamesAreMasked() {
        assertThat(PersonalData.maskId(ID)).isEqualTo("440106********123X");
        assertThat(PersonalData.maskId(LEGACY)).isEqualTo("440106*****1123");
        assertThat(PersonalData.maskCard("6217000012345678901")).isEqualTo("6217***********8901");
        assertThat(PersonalData.maskName("张三丰")).isEqualTo("张**");
        assertThat(PersonalData.masked().text("claim C-1 of " + ID + " (card 6217000012345678901), legacy " + LEGACY + "."))
                .isEqualTo("claim C-1 of 440106********123X (card 6217***********8901), legacy 440106*****1123.");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        String text = "version 00000000000000000012.json, unit 91440101MA00001418, account 44000000000000000012,"
                + " 1700000000000 ms, amount 1234567.89";
        assertThat(PersonalData.masked().text(text)).isEqualTo(text);
    }

    @Test
    void aKeyGivesAStablePseudonymThatDependsOnTheKey() {
        PersonalData a = PersonalData.withKey("a key of sixteen+ bytes".getBytes(StandardCharsets.UTF_8));
        PersonalData b = PersonalData.withKey("another key, 16+ bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(a.id(ID)).matches("PID-[0-9A-F]{16}").isEqualTo(a.id(ID.toLowerCase())).isNotEqualTo(b.id(ID));
        assertThat(a.text("person " + ID)).isEqualTo("person " + a.id(ID));
        assertThatThrownBy(() -> PersonalData.withKey("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("16 bytes");
    }

    @Test
    void theKeyComesFromAFileOrAVariableNamedInTheEnvironment(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("pseudonym.key");
        Files.writeString(keyFile, "a key of sixteen+ bytes\n");
        PersonalData fromFile = PersonalData.fromEnvironment(Map.of(PersonalData.KEY_FILE_ENV, keyFile.toString()));
        PersonalData fromValue = PersonalData.fromEnvironment(Map.of(PersonalData.KEY_ENV, "a key of sixteen+ bytes"));
        assertThat(fromFile.pseudonymous()).isTrue();
        assertThat(fromFile.id(ID)).isEqualTo(fromValue.id(ID));
        assertThat(PersonalData.fromEnvironment(Map.of()).id(ID)).isEqualTo("440106********123X");
    }

    @Test
    void theMaskingStreamMasksWholeLinesWrittenInPieces() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = PersonalData.masked().maskingStream(sink);
        byte[] line = ("12:00:00 WARN x: row of " + ID + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line, 0, 30);
        out.write(line, 30, line.length - 30);
        out.write("tail ".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("12:00:00 WARN x: row of 440106********123X\ntail ");
    }
}
