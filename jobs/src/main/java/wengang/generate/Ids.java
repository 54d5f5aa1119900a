package wengang.generate;

import java.math.BigInteger;
import java.time.LocalDate;
import wengang.schemas.Codes.UnitType;
import wengang.schemas.CreditCode;
import wengang.schemas.ResidentId;

/**
 * Identifiers that are valid and unique by construction. Each is a bijection of an
 * entity number (person, unit, card serial) onto the identifier's number space
 * (x → a·x + b mod m, with a coprime to m and b from the seed), so no two entities can
 * collide however many there are and no set of used numbers has to be kept.
 * <ul>
 *   <li>resident ID (GB 11643): county + birth date + sequence + ISO 7064 check; the
 *       (birth date, sequence) pair is the bijection's image, the county is free;</li>
 *   <li>unified social credit code (GB 32100): registration department and category
 *       for the unit type, the registration district, a 9-character organisation code
 *       (8 digits + GB 11714 check), MOD 31 check;</li>
 *   <li>social security card number: 19 digits, "6217…" with a Luhn check;</li>
 *   <li>unit bank account: 20 digits starting "44" (never the length of a card number).</li>
 * </ul>
 */
final class Ids {
    private Ids() {}

    static final LocalDate FIRST_BIRTH = LocalDate.of(1965, 1, 1);
    static final LocalDate LAST_BIRTH = LocalDate.of(2003, 12, 31);
    static final long BIRTH_DAYS = LAST_BIRTH.toEpochDay() - FIRST_BIRTH.toEpochDay() + 1;
    /** How many distinct persons the resident-ID bijection can number. */
    static final long PERSON_CAPACITY = BIRTH_DAYS * 1000;

    private static final long PERSON_MULTIPLIER = coprime(PERSON_CAPACITY, 7_777_777L);
    private static final long ORG_SPACE = 100_000_000L;
    private static final long ORG_MULTIPLIER = 73_939_133L;
    private static final long CARD_SPACE = 100_000_000_000_000L;
    private static final long CARD_MULTIPLIER = 150_000_000_007L;
    private static final long ACCOUNT_SPACE = 1_000_000_000_000_000_000L;
    private static final long ACCOUNT_MULTIPLIER = 31_415_926_537L;
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Birth date and sequence number of person {@code index} (unique per index). */
    record Birth(LocalDate date, int sequence) {
        boolean male() {
            return sequence % 2 == 1;
        }
    }

    static Birth birth(long seed, long index) {
        long p = Math.floorMod(PERSON_MULTIPLIER * index + Draw.offset(seed, "resident-id", PERSON_CAPACITY),
                PERSON_CAPACITY);
        return new Birth(FIRST_BIRTH.plusDays(p / 1000), (int) (p % 1000));
    }

    /** The 18-character resident ID of a person born in {@code county}. */
    static String residentId(String county, Birth birth) {
        LocalDate d = birth.date();
        String body = county + pad(d.getYear(), 4) + pad(d.getMonthValue(), 2) + pad(d.getDayOfMonth(), 2)
                + pad(birth.sequence(), 3);
        return body + ResidentId.checkChar(body);
    }

    /** The legacy 15-digit form (two-digit birth year, no check character); 19xx births only. */
    static String legacy15(String id18) {
        if (!id18.startsWith("19", 6)) {
            throw new IllegalArgumentException("only 19xx births have a 15-digit form");
        }
        return id18.substring(0, 6) + id18.substring(8, 17);
    }

    /** The same ID with a wrong check character (fails GB 11643's checksum). */
    static String withWrongCheck(String id18) {
        char right = id18.charAt(17);
        char wrong = right == '0' ? '1' : (right == 'X' ? '0' : (char) (right == '9' ? '0' : right + 1));
        if (wrong == right) {
            wrong = '2';
        }
        return id18.substring(0, 17) + wrong;
    }

    /** A unified social credit code for unit number {@code unitIndex}. */
    static String creditCode(long seed, long unitIndex, String unitType, String district) {
        String prefix = switch (unitType) {
            case UnitType.ENTERPRISE -> "91";
            case UnitType.PUBLIC_INSTITUTION -> "12";
            case UnitType.GOVERNMENT -> "11";
            case UnitType.SOCIAL_ORG -> "51";
            default -> throw new IllegalArgumentException("unit type " + unitType);
        };
        long org = Math.floorMod(ORG_MULTIPLIER * unitIndex + Draw.offset(seed, "org-code", ORG_SPACE), ORG_SPACE);
        String org8 = pad(org, 8);
        String body = prefix + district + org8 + orgCheck(org8);
        return body + CreditCode.checkChar(body);
    }

    /** The same code with a wrong MOD 31 check character. */
    static String creditCodeWithWrongCheck(String code) {
        char right = code.charAt(17);
        int i = CreditCode.ALPHABET.indexOf(right);
        return code.substring(0, 17) + CreditCode.ALPHABET.charAt((i + 7) % CreditCode.ALPHABET.length());
    }

    /** GB 11714 organisation-code check character over 8 digits. */
    static char orgCheck(String org8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(org8.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : (c == 11 ? '0' : (char) ('0' + c));
    }

    /** Card number of card {@code serial} (person index × 4 + the person's card number). */
    static String cardNo(long seed, long serial) {
        long n = Math.floorMod(CARD_MULTIPLIER * serial + Draw.offset(seed, "card-no", CARD_SPACE), CARD_SPACE);
        String body = "6217" + pad(n, 14);
        return body + luhn(body);
    }

    static String bankAccount(long seed, long unitIndex) {
        long n = Math.floorMod(ACCOUNT_MULTIPLIER * unitIndex + Draw.offset(seed, "bank-account", ACCOUNT_SPACE),
                ACCOUNT_SPACE);
        return "44" + pad(n, 18);
    }

    static char luhn(String digits) {
        int sum = 0;
        boolean dbl = true; // the check digit is appended on the right
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Zero-padded decimal (n ≥ 0). */
    static String pad(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    /** The first number ≥ start that is coprime to modulus. */
    static long coprime(long modulus, long start) {
        long a = start;
        while (!BigInteger.valueOf(a).gcd(BigInteger.valueOf(modulus)).equals(BigInteger.ONE)) {
            a++;
        }
        return a;
    }
}
