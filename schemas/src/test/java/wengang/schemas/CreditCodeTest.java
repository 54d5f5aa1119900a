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
}
