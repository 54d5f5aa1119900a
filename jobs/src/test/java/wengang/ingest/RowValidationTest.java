package wengang.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static wengang.ingest.IngestTestData.acceptedByLine;
import static wengang.ingest.IngestTestData.badChecksum;
import static wengang.ingest.IngestTestData.credit;
import static wengang.ingest.IngestTestData.id;
import static wengang.ingest.IngestTestData.idEndingInX;
import static wengang.ingest.IngestTestData.rejectsByLine;
import static wengang.ingest.IngestTestData.validateCsv;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import wengang.schemas.Tables;

/** The row checks and duplicate rules, on a few rows each (pure: no files, no Delta). */
class RowValidationTest {
    static final String CONTRIBUTIONS_HEADER = "person_id,name,employer_id,user_unit_id,region_code,month,"
            + "insurance_type,base,personal_amount,employer_amount,pay_status,paid_on,staff_type";
    static final String CLAIMS_HEADER = "claim_id,subsidy,person_id,claimant_id,district,scheme,period_from,"
            + "period_to,submitted_on,amount_claimed,training_hours,training_days";

    static final String WANG = id("52052419900101123");
    static final String LI = id("52242519880512004");
    static final String AGENCY = credit("91440101MA5C00001");
    static final String USER_UNIT = credit("91440106MA5C00002");

    @Test
    void identifiersAndCodesGetTheirOwnReasons() {
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n",
                CONTRIBUTIONS_HEADER,
                WANG + ",王五," + AGENCY + ",,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR",
                badChecksum(WANG) + ",王五," + AGENCY + ",,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR",
                WANG + ",王五," + AGENCY.substring(0, 17) + "0,,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR",
                WANG + ",王五," + AGENCY + ",NOT-A-CODE,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,DISPATCHED",
                WANG + ",王五," + AGENCY + ",,44010,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR",
                WANG + ",王五," + AGENCY + ",,440100,202304,999,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR",
                WANG + ",王五," + AGENCY + ",,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,regular",
                WANG + ",  ," + AGENCY + ",,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR",
                WANG + ",王五," + AGENCY + "," + USER_UNIT + ",440100,202305,110,5000.00,400.00,800.00,PAID,2023-05-15,DISPATCHED"));

        assertThat(rejectsByLine(v)).containsExactly(
                entry(3L, "person_id:BAD_ID"),
                entry(4L, "employer_id:BAD_CREDIT_CODE"),
                entry(5L, "user_unit_id:BAD_CREDIT_CODE"),
                entry(6L, "region_code:UNKNOWN_CODE"),
                entry(7L, "insurance_type:UNKNOWN_CODE"),
                entry(8L, "staff_type:UNKNOWN_CODE"),
                entry(9L, "name:MISSING_VALUE"));
        Map<Long, Row> ok = acceptedByLine(v);
        assertThat(ok).containsOnlyKeys(2L, 10L);
        assertThat(ok.get(2L).<String>getAs("user_unit_id")).as("empty optional credit code").isNull();
        assertThat(ok.get(10L).<String>getAs("user_unit_id")).isEqualTo(USER_UNIT);
    }

    @Test
    void monthsDatesAndAmountsGetTheirOwnReasons() {
        String row = WANG + ",王五," + AGENCY + ",,440100,%s,110,%s,%s,800.00,%s,%s,REGULAR";
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n",
                CONTRIBUTIONS_HEADER,
                row.formatted("2023-13", "5000.00", "400.00", "PAID", "2023-04-15"),
                row.formatted("202304", "5000.001", "400.00", "PAID", "2023-04-15"),
                row.formatted("202304", "5000.00", "-1.00", "PAID", "2023-04-15"),
                row.formatted("202304", "5000.00", "400.00", "PAID", ""),
                row.formatted("202304", "5000.00", "400.00", "PAID", "2023-02-30"),
                row.formatted("202304", "5000.00", "400.00", "OWED", ""),
                row.formatted("2023/04", "五千", "400.00", "PAID", "15/04/2023")));

        assertThat(rejectsByLine(v)).containsExactly(
                entry(2L, "month:BAD_MONTH"),
                entry(3L, "base:BAD_NUMBER"),
                entry(4L, "personal_amount:NEGATIVE_AMOUNT"),
                entry(5L, "paid_on:MISSING_VALUE"),
                entry(6L, "paid_on:BAD_DATE"),
                entry(8L, "month:BAD_MONTH"));
        assertThat(acceptedByLine(v)).as("OWED needs no paid_on").containsOnlyKeys(7L);
    }

    @Test
    void theFirstFailingColumnInContractOrderIsReported() {
        String row = "%s,王五," + AGENCY + ",,440100,%s,110,5000.00,%s,800.00,%s,%s,REGULAR";
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n",
                CONTRIBUTIONS_HEADER,
                row.formatted("123", "2023-13", "-5", "PAID", ""),
                row.formatted(WANG, "2023-13", "-5", "PAID", ""),
                row.formatted(WANG, "202304", "-5", "PAID", "bad"),
                row.formatted(WANG, "202304", "5.00", "UNPAID", ""),
                row.formatted(WANG, "202304", "5.00", "PAID", "bad")));

        assertThat(rejectsByLine(v)).containsExactly(
                entry(2L, "person_id:BAD_ID"),
                entry(3L, "month:BAD_MONTH"),
                entry(4L, "personal_amount:NEGATIVE_AMOUNT"),
                entry(5L, "pay_status:UNKNOWN_CODE"),
                entry(6L, "paid_on:BAD_DATE"));
    }

    @Test
    void validValuesAreTrimmedAndNormalised() {
        String x = idEndingInX("19950307");
        String legacy15 = WANG.substring(0, 6) + WANG.substring(8, 17); // 15-digit form of WANG
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n",
                CONTRIBUTIONS_HEADER,
                legacy15 + ",王五," + AGENCY + ",,440100,2023-04,110,5000.5,400.000,+800,PAID,2023-04-15,REGULAR",
                x.toLowerCase() + " ,\t李四 , " + AGENCY + " ,,440100, 202312 ,310,0,0.00,0,OWED,,ESTABLISHED"));

        Map<Long, Row> ok = acceptedByLine(v);
        assertThat(rejectsByLine(v)).isEmpty();
        Row first = ok.get(2L);
        assertThat(first.<String>getAs("person_id")).isEqualTo(WANG);
        assertThat(first.<Integer>getAs("month")).isEqualTo(202304);
        assertThat(first.<BigDecimal>getAs("base")).isEqualByComparingTo("5000.50");
        assertThat(first.<BigDecimal>getAs("personal_amount")).isEqualByComparingTo("400.00");
        assertThat(first.<BigDecimal>getAs("employer_amount")).isEqualByComparingTo("800.00");
        assertThat(first.<Date>getAs("paid_on").toString()).isEqualTo("2023-04-15");
        Row second = ok.get(3L);
        assertThat(second.<String>getAs("person_id")).isEqualTo(x).endsWith("X");
        assertThat(second.<String>getAs("name")).isEqualTo("李四");
        assertThat(second.<Integer>getAs("month")).isEqualTo(202312);
        assertThat(second.<Date>getAs("paid_on")).isNull();
    }

    @Test
    void laterCopiesOfAnAcceptedRowAreDuplicates() {
        String legacy15 = WANG.substring(0, 6) + WANG.substring(8, 17);
        String row = "%s,王五," + AGENCY + ",,440100,%s,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR";
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n",
                CONTRIBUTIONS_HEADER,
                row.formatted(WANG, "202304"),
                row.formatted(legacy15, "2023-04"),       // same typed values: a copy
                row.formatted(WANG, "202305"),            // another month: not a copy
                row.formatted(WANG, "202304"),            // a second copy
                row.formatted(badChecksum(WANG), "202304"),
                row.formatted(badChecksum(WANG), "202304"))); // rejected rows are not compared

        assertThat(rejectsByLine(v)).containsExactly(
                entry(3L, "-:DUPLICATE_ROW"),
                entry(5L, "-:DUPLICATE_ROW"),
                entry(6L, "person_id:BAD_ID"),
                entry(7L, "person_id:BAD_ID"));
        assertThat(acceptedByLine(v)).containsOnlyKeys(2L, 4L);
    }

    /**
     * DUPLICATE_ROW is found through a hash of what typing keeps of each field, then checked
     * value by value: copies written differently (lower-case x, blanks around fields, 5000
     * for 5000.00) are found, and rows that share the hash but differ in an amount are not.
     */
    @Test
    void copiesWrittenDifferentlyAreDuplicatesAndRowsDifferingInAnAmountAreNot() {
        String x = idEndingInX("19950307");
        String row = "%s,李四," + AGENCY + ",,440100,202304,110,%s,400.00,800.00,PAID,2023-04-15,REGULAR";
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n",
                CONTRIBUTIONS_HEADER,
                row.formatted(x, "5000.00"),
                row.formatted(x.toLowerCase(java.util.Locale.ROOT), "5000"),   // same typed values: a copy
                row.formatted("\u3000" + x + " ", "5000.0"),                   // blanks around: a copy
                row.formatted(x, "5000.01")));                                  // another amount: kept

        assertThat(rejectsByLine(v)).containsExactly(
                entry(3L, "-:DUPLICATE_ROW"),
                entry(4L, "-:DUPLICATE_ROW"));
        assertThat(acceptedByLine(v)).containsOnlyKeys(2L, 5L);
    }

    @Test
    void claimsKeepInvalidPersonIdsAndRejectBrokenPeriodsAndReusedIds() {
        String legacy15 = LI.substring(0, 6) + LI.substring(8, 17);
        Dataset<Row> v = validateCsv(Tables.CLAIMS, String.join("\n",
                CLAIMS_HEADER,
                "C1,SI_SUBSIDY,123456,123456,440106,CITY_2023,202301,202306,2023-07-01,1200.00,,",
                "C2,LIVING," + legacy15 + "," + legacy15 + ",440106,CITY_2023,2023-01,2023-03,2023-04-02,,,",
                "C3,TRANSPORT,," + AGENCY + ",440106,DISTRICT,202301,202301,2023-02-01,800,,",
                "C4,SI_SUBSIDY," + LI + "," + LI + ",440106,CITY_2023,202306,202301,2023-07-01,,,",
                "C1,LIVING," + LI + "," + LI + ",440106,CITY_2023,202301,202303,2023-04-01,,,",
                "C5,TRAINING," + LI + "," + AGENCY + ",440106,CITY_2023,202303,202303,2023-04-01,,8.5,2",
                "C6,TRAINING," + LI + "," + AGENCY + ",440106,CITY_2023,202303,202303,2023-04-01,,16.0,-2",
                "C7,LIVING," + LI + "," + LI + ",4401O6,CITY_2023,202301,202303,2023-04-01,,,",
                "C8,si_subsidy," + LI + "," + LI + ",440106,CITY_2023,202301,202303,2023-04-01,,,"));

        assertThat(rejectsByLine(v)).containsExactly(
                entry(5L, "period_to:BAD_MONTH"),
                entry(6L, "claim_id:DUPLICATE_ROW"),
                entry(7L, "training_hours:BAD_NUMBER"),
                entry(8L, "training_days:NEGATIVE_AMOUNT"),
                entry(9L, "district:UNKNOWN_CODE"),
                entry(10L, "subsidy:UNKNOWN_CODE"));
        Map<Long, Row> ok = acceptedByLine(v);
        assertThat(ok.get(2L).<String>getAs("person_id")).as("invalid ID kept for INVALID_ID").isEqualTo("123456");
        assertThat(ok.get(3L).<String>getAs("person_id")).as("15 digits upgraded").isEqualTo(LI);
        assertThat(ok.get(3L).<String>getAs("claimant_id")).isEqualTo(LI);
        assertThat(ok.get(3L).<Integer>getAs("period_to")).isEqualTo(202303);
        assertThat(ok.get(4L).<String>getAs("person_id")).as("empty is absent").isNull();
        assertThat(ok.get(4L).<String>getAs("claimant_id")).isEqualTo(AGENCY);
    }

    @Test
    void booleansAcceptTheUsualSpellings() {
        String row = AGENCY + ",广州某某劳务派遣有限公司,440106,ENTERPRISE,%s,622200001111222%d";
        Dataset<Row> v = validateCsv(Tables.EMPLOYERS, String.join("\n",
                "employer_id,name,registered_district,unit_type,dispatch_licensed,bank_account",
                row.formatted("Y", 2), row.formatted("n", 3), row.formatted("TRUE", 4), row.formatted("0", 5),
                row.formatted("maybe", 6), row.formatted("", 7)));

        assertThat(rejectsByLine(v)).containsExactly(
                entry(6L, "dispatch_licensed:UNKNOWN_CODE"),
                entry(7L, "dispatch_licensed:MISSING_VALUE"));
        Map<Long, Row> ok = acceptedByLine(v);
        assertThat(ok.values().stream().map(r -> r.<Boolean>getAs("dispatch_licensed")))
                .containsExactly(true, false, true, false);
    }

    static final LocalDate RUN_DATE = LocalDate.of(2024, 3, 1);

    @Test
    void aResidentIdBornAfterTheRunDateIsBadId() {
        String bornOnTheRunDate = id("52052420240301123");
        String bornTheDayAfter = id("52052420240302123");
        String row = "%s,王五," + AGENCY + ",,440100,202402,110,5000.00,400.00,800.00,PAID,2024-02-15,REGULAR";
        String csv = String.join("\n", CONTRIBUTIONS_HEADER,
                row.formatted(bornOnTheRunDate),
                row.formatted(bornTheDayAfter),
                row.formatted("110105209912310029")); // checksum right, born 2099-12-31

        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, csv, RUN_DATE);
        assertThat(rejectsByLine(v)).containsExactly(
                entry(3L, "person_id:BAD_ID"),
                entry(4L, "person_id:BAD_ID"));
        assertThat(acceptedByLine(v).get(2L).<String>getAs("person_id")).isEqualTo(bornOnTheRunDate);
        // a later run date: the same number is valid from its birth date on
        assertThat(rejectsByLine(validateCsv(Tables.CONTRIBUTIONS, csv, RUN_DATE.plusDays(1))))
                .containsOnlyKeys(4L);
        assertThat(rejectsByLine(validateCsv(Tables.CONTRIBUTIONS, csv)))
                .as("default run date: today").containsEntry(4L, "person_id:BAD_ID");
    }

    @Test
    void aCreditCodeWhoseDivisionCodeIsNotSixDigitsIsBadCreditCode() {
        String letterInDivision = credit("91A10000600037341");
        assertThat(letterInDivision).isEqualTo("91A100006000373411");
        String row = WANG + ",王五,%s,%s,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,%s";
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n", CONTRIBUTIONS_HEADER,
                row.formatted(letterInDivision, "", "REGULAR"),
                row.formatted(AGENCY, letterInDivision, "DISPATCHED"),
                row.formatted(AGENCY, USER_UNIT, "DISPATCHED")), RUN_DATE);

        assertThat(rejectsByLine(v)).containsExactly(
                entry(2L, "employer_id:BAD_CREDIT_CODE"),
                entry(3L, "user_unit_id:BAD_CREDIT_CODE"));
        assertThat(acceptedByLine(v)).containsOnlyKeys(4L);
    }

    @Test
    void controlCharactersAreNotBlanks() {
        String row = "%s,%s,%s,%s,440100,%s,110,5000.00,400.00,800.00,PAID,2023-04-15,%s";
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n", CONTRIBUTIONS_HEADER,
                row.formatted("\u0000" + WANG, "王五", AGENCY, "", "202304", "REGULAR"),
                row.formatted(WANG + "\u0000", "王五", AGENCY, "", "202304", "REGULAR"),
                row.formatted(WANG, "王五", AGENCY + "\u0000", "", "202304", "REGULAR"),
                row.formatted(WANG, "王五", AGENCY, "\u0000", "202304", "DISPATCHED"),
                row.formatted(WANG, "王\u0000五", AGENCY, "", "202304", "REGULAR"),
                row.formatted(WANG, "\u0001王五", AGENCY, "", "202304", "REGULAR"),
                row.formatted(WANG, "王五\u007F", AGENCY, "", "202304", "REGULAR"),
                row.formatted(WANG, "王五", AGENCY, "", "202304\u0000", "REGULAR"),
                row.formatted(WANG, "王五", AGENCY, "", "202304", "REGULAR\u0000"),
                // blanks are trimmed: space, tab, no-break space, ideographic space; a tab inside text is kept
                row.formatted("\u00A0" + WANG + "\u3000", "\u3000王\t五\u00A0", " " + AGENCY + "\t", "", "202305",
                        " REGULAR\u3000")), RUN_DATE);

        assertThat(rejectsByLine(v)).containsExactly(
                entry(2L, "person_id:BAD_ID"),
                entry(3L, "person_id:BAD_ID"),
                entry(4L, "employer_id:BAD_CREDIT_CODE"),
                entry(5L, "user_unit_id:BAD_CREDIT_CODE"),
                entry(6L, "name:MALFORMED_LINE"),
                entry(7L, "name:MALFORMED_LINE"),
                entry(8L, "name:MALFORMED_LINE"),
                entry(9L, "month:BAD_MONTH"),
                entry(10L, "staff_type:UNKNOWN_CODE"));
        Row trimmed = acceptedByLine(v).get(11L);
        assertThat(trimmed.<String>getAs("person_id")).isEqualTo(WANG);
        assertThat(trimmed.<String>getAs("name")).isEqualTo("王\t五");
        assertThat(trimmed.<String>getAs("employer_id")).isEqualTo(AGENCY);
        assertThat(trimmed.<String>getAs("staff_type")).isEqualTo("REGULAR");
    }

    @Test
    void claimsKeepAnInvalidPersonIdWhateverItHoldsButNotOtherDamagedText() {
        String bornTheDayAfter = id("52242520240302004");
        String row = "%s,LIVING,%s,%s,440106,CITY_2023,202301,202302,2023-04-01,,,";
        Dataset<Row> v = validateCsv(Tables.CLAIMS, String.join("\n", CLAIMS_HEADER,
                row.formatted("C1", bornTheDayAfter, bornTheDayAfter),
                row.formatted("C2", "\u0000" + LI, LI),
                row.formatted("C3", LI, LI + "\u0000"),
                row.formatted("C\u00004", LI, LI),
                row.formatted("C5", " " + LI.toLowerCase() + "\u3000", LI)), RUN_DATE);

        assertThat(rejectsByLine(v)).containsExactly(
                entry(4L, "claimant_id:MALFORMED_LINE"),
                entry(5L, "claim_id:MALFORMED_LINE"));
        Map<Long, Row> ok = acceptedByLine(v);
        assertThat(ok.get(2L).<String>getAs("person_id")).as("born after the run: kept for INVALID_ID")
                .isEqualTo(bornTheDayAfter);
        assertThat(ok.get(3L).<String>getAs("person_id")).as("NUL kept for INVALID_ID").isEqualTo("\u0000" + LI);
        assertThat(ok.get(6L).<String>getAs("person_id")).isEqualTo(LI);
    }

    @Test
    void aHugeFreeTextFieldIsAMalformedLineEvenAClaimsPersonId() {
        String mb = "王".repeat(1 << 20);
        String row = "%s,LIVING,%s,%s,440106,CITY_2023,202301,202302,2023-04-01,,,";
        Dataset<Row> v = validateCsv(Tables.CLAIMS, String.join("\n", CLAIMS_HEADER,
                row.formatted("C1", LI + mb, LI),
                row.formatted("C2", LI, LI + "9".repeat(RowValidation.MAX_TEXT_CHARS)),
                row.formatted("C" + "3".repeat(RowValidation.MAX_TEXT_CHARS - 1), LI, LI)), RUN_DATE);
        assertThat(rejectsByLine(v)).containsExactly(
                entry(2L, "person_id:MALFORMED_LINE"),
                entry(3L, "claimant_id:MALFORMED_LINE"));
        assertThat(acceptedByLine(v)).containsOnlyKeys(4L);

        String contribution = "%s,%s,%s,,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR";
        Dataset<Row> c = validateCsv(Tables.CONTRIBUTIONS, String.join("\n", CONTRIBUTIONS_HEADER,
                contribution.formatted(WANG, mb, AGENCY), contribution.formatted(WANG, "王五", AGENCY)), RUN_DATE);
        assertThat(rejectsByLine(c)).containsExactly(entry(2L, "name:MALFORMED_LINE"));
        assertThat(acceptedByLine(c)).containsOnlyKeys(3L);
    }

    @Test
    void aLineSeparatorAfterADivisionMonthDateOrNumberIsNotTheEndOfTheValue() {
        // found by FuzzInputTest: Java's $ also matches before a final line terminator, so
        // "440100\u0085" (NEL) and "440100\u2028" passed as divisions and were stored so
        String row = WANG + ",王五," + AGENCY + ",,%s,%s,110,%s,400.00,800.00,PAID,%s,REGULAR";
        Dataset<Row> v = validateCsv(Tables.CONTRIBUTIONS, String.join("\n", CONTRIBUTIONS_HEADER,
                row.formatted("440100\u0085", "202304", "5000.00", "2023-04-15"),
                row.formatted("440100\u2028", "202305", "5000.00", "2023-05-15"),
                row.formatted("440100", "202306\u2029", "5000.00", "2023-06-15"),
                row.formatted("440100", "2023-07\u0085", "5000.00", "2023-07-15"),
                row.formatted("440100", "202308", "5000.00\u2028", "2023-08-15"),
                row.formatted("440100", "202309", "5000.00", "2023-09-15\u0085"),
                row.formatted("440100", "202310", "5000.00", "2023-10-15")), RUN_DATE);
        assertThat(rejectsByLine(v)).containsExactly(
                entry(2L, "region_code:UNKNOWN_CODE"),
                entry(3L, "region_code:UNKNOWN_CODE"),
                entry(4L, "month:BAD_MONTH"),
                entry(5L, "month:BAD_MONTH"),
                entry(6L, "base:BAD_NUMBER"),
                entry(7L, "paid_on:BAD_DATE"));
        assertThat(acceptedByLine(v)).containsOnlyKeys(8L);

        Dataset<Row> q = validateCsv(Tables.QUOTAS, String.join("\n", "year,region_code,region_name,target_persons",
                "2023\u2029,440100,广州市,100", "2023,440100,广州市,100\u0085", "2023,440000,广东省,900"), RUN_DATE);
        assertThat(rejectsByLine(q)).containsExactly(entry(2L, "year:BAD_NUMBER"), entry(3L, "target_persons:BAD_NUMBER"));
    }

    @Test
    void aByteOrderMarkALineSeparatorOrAReplacementCharacterInFreeTextIsAMalformedLine() {
        // found by FuzzInputTest: a claims line that starts with a BOM (a file joined to another)
        // was accepted as claim "\uFEFFC1", a claim other than C1
        String row = "%s,LIVING,%s,%s,440106,CITY_2023,202301,202302,2023-04-01,,,";
        Dataset<Row> v = validateCsv(Tables.CLAIMS, String.join("\n", CLAIMS_HEADER,
                row.formatted("\uFEFFC1", LI, LI),
                row.formatted("C2", LI, LI + "\u2028"),
                row.formatted("C3", "\uFEFF" + LI, LI),
                row.formatted("C1", LI, LI)), RUN_DATE);
        assertThat(rejectsByLine(v)).containsExactly(
                entry(2L, "claim_id:MALFORMED_LINE"),
                entry(3L, "claimant_id:MALFORMED_LINE"));
        assertThat(acceptedByLine(v).get(4L).<String>getAs("person_id")).as("kept, decided INVALID_ID")
                .isEqualTo("\uFEFF" + LI);
        assertThat(acceptedByLine(v)).containsOnlyKeys(4L, 5L);

        String contribution = WANG + ",%s," + AGENCY + ",,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR";
        Dataset<Row> c = validateCsv(Tables.CONTRIBUTIONS, String.join("\n", CONTRIBUTIONS_HEADER,
                contribution.formatted("王\uFFFD"), contribution.formatted("王五\u2029"), contribution.formatted("王五")),
                RUN_DATE);
        assertThat(rejectsByLine(c)).containsExactly(entry(2L, "name:MALFORMED_LINE"), entry(3L, "name:MALFORMED_LINE"));
    }
}
