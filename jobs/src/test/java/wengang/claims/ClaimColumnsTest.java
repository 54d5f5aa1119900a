package wengang.claims;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import wengang.schemas.Columns;
import wengang.schemas.ResidentId;
import wengang.testing.TestSpark;

/** Code 1 INVALID_ID on claims: the cycle's first day bounds the birth date; control characters are not blanks. */
class ClaimColumnsTest {

    private static String id(String body17) {
        return body17 + ResidentId.checkChar(body17);
    }

    /** person_id -> INVALID_ID at cycle {@code cycle}. */
    private static Map<String, Boolean> invalidAt(int cycle, String... personIds) {
        List<Row> rows = new ArrayList<>();
        for (String p : personIds) {
            rows.add(RowFactory.create(p));
        }
        Dataset<Row> claims = TestSpark.session().createDataFrame(rows,
                new StructType().add(Columns.PERSON_ID, DataTypes.StringType));
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Row r : claims.select(col(Columns.PERSON_ID), ClaimColumns.invalidId(cycle)).collectAsList()) {
            out.put(r.getString(0), r.getBoolean(1));
        }
        return out;
    }

    @Test
    void aBirthDateAfterTheCyclesFirstDayIsInvalid() {
        String adult = id("52052419900101123");
        String bornOnTheFirstDay = id("52052420240101123");
        String bornTheDayAfter = id("52052420240102123");
        String bornIn2099 = "110105209912310029";

        assertThat(invalidAt(202401, adult, bornOnTheFirstDay, bornTheDayAfter, bornIn2099))
                .containsEntry(adult, false)
                .containsEntry(bornOnTheFirstDay, false)
                .containsEntry(bornTheDayAfter, true)
                .containsEntry(bornIn2099, true);
        // the cycle decides, not the day it runs: the next cycle accepts the January birth
        assertThat(invalidAt(202402, bornTheDayAfter)).containsEntry(bornTheDayAfter, false);
    }

    @Test
    void controlCharactersBadChecksumsAndEmptyIdsAreInvalid() {
        String adult = id("52052419900101123");
        String badChecksum = adult.substring(0, 17) + (adult.charAt(17) == '0' ? '1' : '0');
        assertThat(invalidAt(202401, "\u0000" + adult, adult + "\u0000", badChecksum, "123456", null))
                .hasSize(5)
                .containsEntry("\u0000" + adult, true)
                .containsEntry(adult + "\u0000", true)
                .containsEntry(badChecksum, true)
                .containsEntry("123456", true)
                .containsEntry(null, true);
    }
}
