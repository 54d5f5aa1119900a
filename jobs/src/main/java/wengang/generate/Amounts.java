package wengang.generate;

import wengang.schemas.Codes.InsuranceType;

/**
 * Contribution amounts in whole cents (never double): amount = base × rate, rounded
 * half up to the cent. Rates are those of Guangdong in 2021–2025, rounded to plausible
 * values (they only have to look right; the SI subsidy is whatever was actually paid):
 * <pre>
 * type  personal  unit
 * 110   8 %       14 % (2021), 15 % (2022), 16 % (2023-)
 * 120   8 %       16 %
 * 210   0.2 %     0.32 %
 * 310   2 %       5.5 % (Guangzhou), 5 % (other cities)
 * 410   0         0.4 %
 * 510   0         0.85 %
 * </pre>
 */
final class Amounts {
    private Amounts() {}

    static long personal(String type, long baseCents) {
        int bp = switch (type) {
            case InsuranceType.ENTERPRISE_PENSION, InsuranceType.PUBLIC_PENSION -> 800;
            case InsuranceType.UNEMPLOYMENT -> 20;
            case InsuranceType.MEDICAL -> 200;
            default -> 0;
        };
        return ofBasisPoints(baseCents, bp);
    }

    static long employer(String type, int month, boolean guangzhou, long baseCents) {
        int year = month / 100;
        int bp = switch (type) {
            case InsuranceType.ENTERPRISE_PENSION -> year <= 2021 ? 1400 : (year == 2022 ? 1500 : 1600);
            case InsuranceType.PUBLIC_PENSION -> 1600;
            case InsuranceType.UNEMPLOYMENT -> 32;
            case InsuranceType.MEDICAL -> guangzhou ? 550 : 500;
            case InsuranceType.WORK_INJURY -> 40;
            case InsuranceType.MATERNITY -> 85;
            default -> 0;
        };
        return ofBasisPoints(baseCents, bp);
    }

    /** base × bp / 10 000, half up (amounts are never negative). */
    static long ofBasisPoints(long cents, int bp) {
        return (cents * bp + 5_000) / 10_000;
    }

    /** Yuan with two decimals; null stays null (an empty field). */
    static String format(Long cents) {
        if (cents == null) {
            return null;
        }
        long c = cents;
        String sign = c < 0 ? "-" : "";
        c = Math.abs(c);
        long fraction = c % 100;
        return sign + (c / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
