package wengang.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GB 32100-2015 unified social credit codes (contract: employer_id). */
class CreditCodeTest {

    @Test
    void acceptsAPublishedExampleCode() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void acceptsACodeWhoseCheckComputesToZero() {
        // find a body whose check character is '0' to cover the (31 - 0) % 31 edge
        String body = null;
        for (int i = 0; i < 1000 && body == null; i++) {
            String candidate = String.format("914401%011d", i);
            if (CreditCode.checkChar(candidate) == '0') {
                body = candidate;
            }
        }
        assertThat(body).isNotNull();
        assertThat(CreditCode.isValid(body + "0")).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
    }

    @Test
    void rejectsLettersOutsideTheAlphabetAndLowerCase() {
        assertThat(CreditCode.isValid("91350100I000100Y43")).isFalse();
        assertThat(CreditCode.isValid("91350100m000100y43")).isFalse();
    }

    @Test
    void rejectsWrongLengthAndNull() {
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void rejectsADivisionCodeThatIsNotSixDigits() {
        // characters 3-8 are the registering authority's division code: "A10000" is not one
        assertThat(CreditCode.checkChar("91A10000600037341")).as("the check character is right").isEqualTo('1');
        assertThat(CreditCode.isValid("91A100006000373411")).isFalse();
        for (int at = 2; at < 8; at++) {
            char[] body = "91440101MA5C00001".toCharArray();
            body[at] = 'M';
            String code = new String(body) + CreditCode.checkChar(new String(body));
            assertThat(CreditCode.isValid(code)).as("letter at character %d", at + 1).isFalse();
        }
        assertThat(CreditCode.isValid("91440101MA5C00001" + CreditCode.checkChar("91440101MA5C00001")))
                .as("letters after character 8 are allowed").isTrue();
    }

    @Test
    void controlCharactersAroundOrInsideTheCodeMakeItInvalid() {
        String code = "91350100M000100Y43";
        assertThat(CreditCode.isValid("\u0000" + code)).isFalse();
        assertThat(CreditCode.isValid(code + "\u0000")).isFalse();
        assertThat(CreditCode.isValid(code + "\n")).isFalse();
        assertThat(CreditCode.isValid("\u0008" + code)).isFalse();
        assertThat(CreditCode.isValid(code + "\u009F")).isFalse();
    }

    @Test
    void blanksAroundTheCodeAreTrimmed() {
        assertThat(CreditCode.isValid(" \t\u00A0\u300091350100M000100Y43\u3000 ")).isTrue();
    }
}
