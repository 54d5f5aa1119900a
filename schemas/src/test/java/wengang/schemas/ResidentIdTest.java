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
}
