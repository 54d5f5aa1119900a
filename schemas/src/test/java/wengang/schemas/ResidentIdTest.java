package wengang.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GB 11643-1999 resident ID numbers (contract: person_id). */
class ResidentIdTest {

    @Test
    void acceptsTheStandardsOwnExampleWithCheckCharacterX() {
        assertThat(ResidentId.normalise("11010519491231002X")).contains("11010519491231002X");
    }

    @Test
    void upperCasesALowerCaseX() {
        assertThat(ResidentId.normalise("11010519491231002x")).contains("11010519491231002X");
    }

    @Test
    void upgradesALegacy15DigitNumberTo18() {
        // 15-digit form of the standard's example: drop the century and the check character
        assertThat(ResidentId.normalise("110105491231002")).contains("11010519491231002X");
    }

    @Test
    void acceptsARealShapedGuizhouNumber() {
        String body = "52050119900715123"; // Bijie, born 1990-07-15
        String id = body + ResidentId.checkChar(body);
        assertThat(ResidentId.isValid(id)).isTrue();
        assertThat(ResidentId.birthDate(id)).contains(LocalDate.of(1990, 7, 15));
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(ResidentId.isValid("110105194912310021")).isFalse();
    }

    @Test
    void rejectsAnImpossibleBirthDate() {
        String body = "52050119900230123"; // 30 February
        assertThat(ResidentId.isValid(body + ResidentId.checkChar(body))).isFalse();
    }

    @Test
    void rejectsWrongLengthLettersAndNull() {
        assertThat(ResidentId.isValid("1101051949123100")).isFalse();
        assertThat(ResidentId.isValid("1101051949123100AX")).isFalse();
        assertThat(ResidentId.isValid("11010549123100A")).isFalse();
        assertThat(ResidentId.isValid("")).isFalse();
        assertThat(ResidentId.isValid(null)).isFalse();
    }

    @Test
    void rejectsABirthDateAfterTheDayOfTheCheck() {
        String bornEndOf2099 = "110105209912310029"; // format and checksum right, born 2099-12-31
        assertThat(ResidentId.checkChar(bornEndOf2099.substring(0, 17))).isEqualTo('9');
        assertThat(ResidentId.normalise(bornEndOf2099, LocalDate.of(2024, 1, 1))).isEmpty();
        assertThat(ResidentId.normalise(bornEndOf2099, LocalDate.of(2099, 12, 30))).isEmpty();
        assertThat(ResidentId.normalise(bornEndOf2099, LocalDate.of(2099, 12, 31)))
                .as("born on the day of the check").contains(bornEndOf2099);
        assertThat(ResidentId.isValid(bornEndOf2099)).as("default: today").isFalse();
        assertThat(ResidentId.isValid(bornEndOf2099, LocalDate.of(2100, 1, 1))).isTrue();
    }

    @Test
    void aBirthDateJustAfterTheRunDateIsInvalidAndOnItIsValid() {
        String body = "52050120240302123"; // born 2024-03-02
        String id = body + ResidentId.checkChar(body);
        assertThat(ResidentId.isValid(id, LocalDate.of(2024, 3, 1))).isFalse();
        assertThat(ResidentId.isValid(id, LocalDate.of(2024, 3, 2))).isTrue();
        assertThat(ResidentId.isValid(id, null)).as("no date: nothing is valid").isFalse();
    }

    @Test
    void legacy15DigitNumbersAreBornIn19xxSoNeverInTheFuture() {
        assertThat(ResidentId.normalise("110105491231002", LocalDate.of(1949, 12, 31))).contains("11010519491231002X");
        assertThat(ResidentId.normalise("110105491231002", LocalDate.of(1949, 12, 30))).isEmpty();
    }

    @Test
    void controlCharactersAroundOrInsideTheNumberMakeItInvalid() {
        String id = "11010519491231002X";
        assertThat(ResidentId.isValid(id)).isTrue();
        // String.trim() would strip these (all are <= U+0020) and accept the number
        assertThat(ResidentId.isValid("\u0000" + id)).isFalse();
        assertThat(ResidentId.isValid(id + "\u0000")).isFalse();
        assertThat(ResidentId.isValid(id + "\r")).isFalse();
        assertThat(ResidentId.isValid("\u001F" + id)).isFalse();
        assertThat(ResidentId.isValid(id + "\u007F")).isFalse();
        assertThat(ResidentId.isValid(id + "\u0085")).isFalse();
        assertThat(ResidentId.isValid("110105\u00001949123100")).isFalse();
        assertThat(ResidentId.isValid("\u0000110105491231002")).as("15 digits").isFalse();
    }

    @Test
    void blanksAroundTheNumberAreTrimmed() {
        assertThat(ResidentId.normalise(" \t\u00A0\u300011010519491231002x\u3000\t "))
                .contains("11010519491231002X");
        assertThat(ResidentId.isValid("110105 19491231002X")).as("a blank inside is not trimmed").isFalse();
    }
}
