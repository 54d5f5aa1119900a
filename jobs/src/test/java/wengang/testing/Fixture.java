package wengang.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.schemas.Codes;
import wengang.schemas.CreditCode;
import wengang.schemas.Months;
import wengang.schemas.ResidentId;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;

/**
 * A tiny named dataset, written row by row inside a test: the bronze tables (contract
 * columns, typed, plus source_line) of a handful of people, units and claims.
 */
public final class Fixture {
    public static final String YUEXIU = "440104";
    public static final String HAIZHU = "440105";
    public static final String LIWAN = "440103";
    public static final String TIANHE = "440106";
    public static final String BAIYUN = "440111";
    public static final String HUANGPU = "440112";
    public static final String SHENZHEN_NANSHAN = "440305";
    public static final String GUANGZHOU = "440100";
    public static final String BIJIE_QIXINGGUAN = "520502";
    public static final String QIANNAN_DUYUN = "522701";
    public static final String ANSHUN_XIXIU = "520402";
    public static final String GUIYANG_NANMING = "520102";

    private final List<Row> contributions = new ArrayList<>();
    private final List<Row> employers = new ArrayList<>();
    private final List<Row> registry = new ArrayList<>();
    private final List<Row> claims = new ArrayList<>();
    private final List<Row> cards = new ArrayList<>();
    private final List<Row> quotas = new ArrayList<>();

    /** A valid resident ID of someone born 1990 in the given county, number n. */
    public static String person(String county, int n) {
        String body = county + "19900101" + String.format("%03d", n % 1000);
        return body + ResidentId.checkChar(body);
    }

    /** A valid resident ID from Bijie. */
    public static String person(int n) {
        return person(BIJIE_QIXINGGUAN, n);
    }

    /** A valid unified social credit code, unit number n. */
    public static String unit(int n) {
        String body = "91440101MA" + String.format("%07d", n);
        return body + CreditCode.checkChar(body);
    }

    public static Date date(String iso) {
        return Date.valueOf(iso);
    }

    // ---- employers ----
    public Fixture enterprise(String employerId, String district) {
        return employer(employerId, "企业" + employerId.substring(12), district, Codes.UnitType.ENTERPRISE, false, "6222" + employerId.substring(8));
    }

    public Fixture agency(String employerId, String district) {
        return employer(employerId, "派遣" + employerId.substring(12), district, Codes.UnitType.ENTERPRISE, true, "6222" + employerId.substring(8));
    }

    public Fixture employer(String id, String name, String district, String unitType, boolean licensed, String account) {
        employers.add(RowFactory.create(id, name, district, unitType, licensed, account, (long) employers.size() + 2));
        return this;
    }

    // ---- registry ----
    public Fixture alleviated(String personId, String county) {
        return registry(personId, "张三", county, Codes.RegistryStatus.ALLEVIATED, "2020-01-01", null, null);
    }

    public Fixture registry(String personId, String name, String county, String status, String from, String to, String removal) {
        registry.add(RowFactory.create(personId, name, county, status, date(from), to == null ? null : date(to), removal,
                (long) registry.size() + 2));
        return this;
    }

    // ---- contributions ----
    /** PAID 110/210/310 rows (personal 8%, 0.2%, 2% of base 5000) for each month, paid on the 15th of the month. */
    public Fixture worked(String personId, String employerId, int fromMonth, int toMonth) {
        for (int m = fromMonth; m <= toMonth; m = Months.plus(m, 1)) {
            String paidOn = Months.firstDay(m).plusDays(14).toString();
            pension(personId, employerId, m, "5000.00", Codes.PayStatus.PAID, paidOn, Codes.StaffType.REGULAR, null);
            contribution(personId, employerId, null, GUANGZHOU, m, "210", "5000.00", "10.00", Codes.PayStatus.PAID, paidOn, Codes.StaffType.REGULAR);
            contribution(personId, employerId, null, GUANGZHOU, m, "310", "5000.00", "100.00", Codes.PayStatus.PAID, paidOn, Codes.StaffType.REGULAR);
        }
        return this;
    }

    /** One PAID (or other status) enterprise pension row in Guangzhou, personal part 8% of base. */
    public Fixture pension(String personId, String employerId, int month, String base, String status, String paidOn,
                           String staffType, String userUnit) {
        BigDecimal b = new BigDecimal(base);
        String personal = b.multiply(new BigDecimal("0.08")).setScale(2).toPlainString();
        return contribution(personId, employerId, userUnit, GUANGZHOU, month, "110", base, personal, status, paidOn, staffType);
    }

    public Fixture contribution(String personId, String employerId, String userUnit, String region, int month, String type,
                                String base, String personal, String status, String paidOn, String staffType) {
        BigDecimal b = new BigDecimal(base).setScale(2);
        contributions.add(RowFactory.create(personId, "张三", employerId, userUnit, region, month, type, b,
                new BigDecimal(personal).setScale(2), b.multiply(new BigDecimal("0.14")).setScale(2),
                status, paidOn == null ? null : date(paidOn), staffType, (long) contributions.size() + 2));
        return this;
    }

    // ---- claims ----
    public Fixture claim(String claimId, String subsidy, String personId, String district, int from, int to, String submittedOn) {
        return claim(claimId, subsidy, personId, personId, district, Codes.Scheme.CITY_2023, from, to, submittedOn, null, null, null);
    }

    public Fixture grant(String claimId, String subsidy, String personId, String scheme, int from, int to, String submittedOn) {
        return claim(claimId, subsidy, personId, personId, YUEXIU, scheme, from, to, submittedOn, null, null, null);
    }

    public Fixture claim(String claimId, String subsidy, String personId, String claimant, String district, String scheme,
                         int from, int to, String submittedOn, String amountClaimed, Integer hours, Integer days) {
        claims.add(RowFactory.create(claimId, subsidy, personId, claimant, district, scheme, from, to, date(submittedOn),
                amountClaimed == null ? null : new BigDecimal(amountClaimed).setScale(2), hours, days,
                (long) claims.size() + 2));
        return this;
    }

    // ---- cards ----
    public Fixture card(String personId, String cardNo) {
        return card(personId, cardNo, true, Codes.CardStatus.ACTIVE, null);
    }

    public Fixture card(String personId, String cardNo, boolean financial, String status, String activatedOn) {
        cards.add(RowFactory.create(personId, cardNo, financial, status, activatedOn == null ? null : date(activatedOn),
                (long) cards.size() + 2));
        return this;
    }

    public Fixture quota(int year, String region, String name, int target) {
        quotas.add(RowFactory.create(year, region, name, target, (long) quotas.size() + 2));
        return this;
    }

    // ---- datasets ----
    public Dataset<Row> contributions(SparkSession spark) {
        return frame(spark, contributions, Tables.CONTRIBUTIONS);
    }

    public Dataset<Row> employers(SparkSession spark) {
        return frame(spark, employers, Tables.EMPLOYERS);
    }

    public Dataset<Row> registry(SparkSession spark) {
        return frame(spark, registry, Tables.REGISTRY);
    }

    public Dataset<Row> claims(SparkSession spark) {
        return frame(spark, claims, Tables.CLAIMS);
    }

    public Dataset<Row> cards(SparkSession spark) {
        return frame(spark, cards, Tables.CARDS);
    }

    public Dataset<Row> quotas(SparkSession spark) {
        return frame(spark, quotas, Tables.QUOTAS);
    }

    /** The bronze schema: contract columns plus source_line. */
    public static StructType bronzeSchema(TableSpec table) {
        return table.schema().add("source_line", DataTypes.LongType, false);
    }

    private static Dataset<Row> frame(SparkSession spark, List<Row> rows, TableSpec table) {
        return spark.createDataFrame(rows, bronzeSchema(table));
    }
}
