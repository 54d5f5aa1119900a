package wengang.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Set;
import wengang.schemas.Columns;

/** How the report writes numbers: money with two decimals and grouping, ratios as percentages, months yyyy-MM. */
public final class ReportFormat {
    private static final Set<String> RATIOS = Set.of(Columns.FULFILMENT_RATIO, Columns.PACE_RATIO,
            Columns.CHANGE_VS_PREVIOUS, Columns.CHANGE_VS_AVERAGE);
    private static final Set<String> MONTHS = Set.of(Columns.MONTH, Columns.PREVIOUS_CYCLE, Columns.CYCLE);
    private static final Set<String> MONEY = Set.of("approved", "pay", "held", "estimate", "money_involved",
            Columns.AMOUNT, Columns.APPROVED_AMOUNT);

    private ReportFormat() {}

    /** 1606062.3 → "1,606,062.30". */
    public static String money(BigDecimal v) {
        return v == null ? "" : format("#,##0.00", v.setScale(2, RoundingMode.HALF_UP));
    }

    /** 0.0003 → "0.03 %". */
    public static String percent(BigDecimal ratio) {
        return ratio == null ? "" : format("#,##0.00", ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP)) + " %";
    }

    /** A count or a metric value: grouped, decimals only when it has them. */
    public static String number(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 0 ? format("#,##0", s) : format("#,##0.00", v.setScale(2, RoundingMode.HALF_UP));
    }

    /** A metric value of meta/metrics: money families with two decimals, counts whole. */
    public static String metric(String name, BigDecimal v) {
        boolean money = name.startsWith("ledger.") || name.startsWith("approved_amount.")
                || name.startsWith("payments_by_district.") || name.endsWith("amount") || name.startsWith("reject_percent.");
        return money ? money(v) : number(v);
    }

    /** One table cell by its column name. */
    static String cell(String column, Object v) {
        if (v == null) {
            return "";
        }
        if (MONTHS.contains(column) && v instanceof Integer m) {
            return wengang.schemas.Months.formatDashed(m);
        }
        if (v instanceof BigDecimal d) {
            return RATIOS.contains(column) ? percent(d) : MONEY.contains(column) ? money(d) : number(d);
        }
        if (v instanceof Long || (v instanceof Integer && !column.equals(Columns.YEAR) && !column.equals("rank"))) {
            return number(new BigDecimal(v.toString()));
        }
        if (v instanceof Double d) {
            return number(BigDecimal.valueOf(d));
        }
        return v.toString();
    }

    private static String format(String pattern, BigDecimal v) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
