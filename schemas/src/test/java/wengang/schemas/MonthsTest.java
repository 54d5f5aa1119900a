package wengang.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Months yyyyMM, and yyyy-MM accepted too (contract: "Months"). */
class MonthsTest {

    @Test
    void readsBothSpellings() {
        assertThat(Months.parse("202304")).contains(202304);
        assertThat(Months.parse("2023-04")).contains(202304);
        assertThat(Months.parse(" 2023-04 ")).contains(202304);
    }

    @Test
    void refusesMonth13AndOtherShapes() {
        assertThat(Months.parse("202313")).isEmpty();
        assertThat(Months.parse("202300")).isEmpty();
        assertThat(Months.parse("2023/04")).isEmpty();
        assertThat(Months.parse("23-04")).isEmpty();
    }

    @Test
    void arithmeticCrossesYearEnds() {
        assertThat(Months.plus(202312, 1)).isEqualTo(202401);
        assertThat(Months.plus(202401, -4)).isEqualTo(202309);
        assertThat(Months.between(202310, 202402)).isEqualTo(4);
    }
}
