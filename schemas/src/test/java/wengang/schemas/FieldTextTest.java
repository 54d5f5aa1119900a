package wengang.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Blanks are trimmed, control characters are not blanks. */
class FieldTextTest {

    @Test
    void stripsOnlyTheFourBlanks() {
        assertThat(FieldText.strip(" \t\u00A0\u3000王 五\u3000\t ")).isEqualTo("王 五");
        assertThat(FieldText.strip("\u0000王五\u0000")).isEqualTo("\u0000王五\u0000");
        assertThat(FieldText.strip(" \u0000 ")).isEqualTo("\u0000");
        assertThat(FieldText.strip("   ")).isEmpty();
        assertThat(FieldText.strip(null)).isNull();
    }

    @Test
    void controlCharactersAreC0AndC1ButNotTab() {
        Pattern control = Pattern.compile(FieldText.CONTROL_CHARACTER);
        for (char c : new char[] {'\u0000', '\u0001', '\u0008', '\n', '\r', '\u001F', '\u007F', '\u0085', '\u009F'}) {
            assertThat(FieldText.isControl(c)).as("U+%04X", (int) c).isTrue();
            assertThat(control.matcher("a" + c + "b").find()).as("regex U+%04X", (int) c).isTrue();
        }
        for (char c : new char[] {'\t', ' ', 'a', '\u00A0', '\u00A1', '\u3000', '王'}) {
            assertThat(FieldText.isControl(c)).as("U+%04X", (int) c).isFalse();
            assertThat(control.matcher("a" + c + "b").find()).as("regex U+%04X", (int) c).isFalse();
        }
        assertThat(FieldText.hasControl("王\u0000五")).isTrue();
        assertThat(FieldText.hasControl("王\t五")).isFalse();
        assertThat(FieldText.hasControl(null)).isFalse();
    }

    @Test
    void freeTextRefusesControlCharactersAndTheMarksOfADamagedLine() {
        Pattern notText = Pattern.compile(FieldText.NOT_TEXT);
        for (char c : new char[] {'\u0000', '\n', '\u0085', '\uFEFF', '\u2028', '\u2029', '\uFFFD'}) {
            assertThat(FieldText.isNotText(c)).as("U+%04X", (int) c).isTrue();
            assertThat(notText.matcher("a" + c + "b").find()).as("regex U+%04X", (int) c).isTrue();
        }
        for (char c : new char[] {'\t', ' ', 'a', '\u00A0', '\u3000', '\u200B', '王', '\uFF10'}) {
            assertThat(FieldText.isNotText(c)).as("U+%04X", (int) c).isFalse();
            assertThat(notText.matcher("a" + c + "b").find()).as("regex U+%04X", (int) c).isFalse();
        }
    }
}
