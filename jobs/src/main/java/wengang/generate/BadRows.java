package wengang.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wengang.schemas.Codes.Scheme;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.RejectReason;
import wengang.schemas.Tables;

/**
 * Bad input rows (CSV only): corrupted copies of the rows of one clean scripted person
 * and of two units that are nowhere else, each with exactly one fault so that the first
 * failing column and the reject reason are unambiguous, covering every
 * {@link RejectReason}. The writer places them between the good rows (a duplicate right
 * after its original) and reports their line numbers for ground_truth.csv.
 */
final class BadRows {
    private BadRows() {}

    /** A raw CSV line (without line break) and the reject reason it must get. */
    record BadLine(RejectReason reason, String raw, boolean duplicate) {}

    /** Bad lines per table name (tables without any are absent). */
    static Map<String, List<BadLine>> build(World world, AnomalyCases cases) {
        Worker p = cases.badRowSource;
        Map<String, List<BadLine>> out = new LinkedHashMap<>();

        List<String[]> contributions = p.contributionRows();
        List<BadLine> c = new ArrayList<>();
        c.add(bad(RejectReason.MISSING_VALUE, set(row(contributions, "202301", "110"), 1, "")));
        c.add(bad(RejectReason.BAD_ID, set(row(contributions, "202302", "110"), 0, Ids.withWrongCheck(p.id))));
        c.add(bad(RejectReason.BAD_CREDIT_CODE,
                set(row(contributions, "202303", "310"), 2, Ids.creditCodeWithWrongCheck(cases.uA.id()))));
        c.add(bad(RejectReason.BAD_MONTH, set(row(contributions, "202304", "110"), 5, "202313")));
        c.add(bad(RejectReason.BAD_DATE, set(row(contributions, "202305", "110"), 11, "2023-05-32")));
        c.add(bad(RejectReason.BAD_NUMBER, set(row(contributions, "202306", "210"), 7, "5O00.00")));
        String[] negative = row(contributions, "202307", "110");
        c.add(bad(RejectReason.NEGATIVE_AMOUNT, set(negative, 8, "-" + negative[8])));
        c.add(bad(RejectReason.UNKNOWN_CODE, set(row(contributions, "202308", "310"), 10, "PAYED")));
        String[] malformed = row(contributions, "202309", "110");
        c.add(bad(RejectReason.MALFORMED_LINE, Arrays.copyOf(malformed, malformed.length - 1)));
        c.add(new BadLine(RejectReason.DUPLICATE_ROW, TableWriter.line(row(contributions, "202310", "110")), true));
        out.put(Tables.CONTRIBUTIONS.name(), c);

        List<BadLine> e = new ArrayList<>();
        e.add(bad(RejectReason.BAD_CREDIT_CODE, set(cases.badUnit.row(), 0, Ids.creditCodeWithWrongCheck(cases.badUnit.id()))));
        e.add(bad(RejectReason.MISSING_VALUE, set(cases.badUnit2.row(), 5, "")));
        out.put(Tables.EMPLOYERS.name(), e);

        String[] registry = p.registryRows().get(0);
        List<BadLine> r = new ArrayList<>();
        r.add(bad(RejectReason.BAD_DATE, set(registry, 4, registry[4].replace('-', '/'))));
        r.add(new BadLine(RejectReason.DUPLICATE_ROW, TableWriter.line(registry), true));
        out.put(Tables.REGISTRY.name(), r);

        List<BadLine> cl = new ArrayList<>();
        cl.add(bad(RejectReason.UNKNOWN_CODE, set(claim(world, p, cases), 1, "HOUSING")));
        cl.add(bad(RejectReason.MISSING_VALUE, set(claim(world, p, cases), 4, "")));
        cl.add(bad(RejectReason.BAD_MONTH, set(claim(world, p, cases), 6, "2023-13")));
        cl.add(bad(RejectReason.BAD_DATE, set(claim(world, p, cases), 8, "2023-07-32")));
        cl.add(bad(RejectReason.NEGATIVE_AMOUNT, set(claim(world, p, cases), 9, "-3000.00")));
        String[] extra = claim(world, p, cases);
        String[] longer = Arrays.copyOf(extra, extra.length + 1);
        longer[extra.length] = "补充说明";
        cl.add(bad(RejectReason.MALFORMED_LINE, longer));
        out.put(Tables.CLAIMS.name(), cl);

        String[] card = p.cardRows().get(0);
        List<BadLine> k = new ArrayList<>();
        k.add(bad(RejectReason.UNKNOWN_CODE, set(card, 3, "FROZEN")));
        k.add(bad(RejectReason.BAD_ID, set(card, 0, p.id.substring(0, 17))));
        out.put(Tables.CARDS.name(), k);

        out.put(Tables.QUOTAS.name(), List.of(bad(RejectReason.BAD_NUMBER,
                new String[] {"2023", Geography.GUANGZHOU, "广州市", "80.1万"})));
        return out;
    }

    /** A fresh LIVING claim row of the bad-row person (its own claim id; the person has no good claims). */
    private static String[] claim(World world, Worker p, AnomalyCases cases) {
        return new Worker.Claim(p.nextClaimId(world), Subsidy.LIVING, p.id, p.id, cases.uA.district(), Scheme.CITY_2023,
                202301, 202306, java.time.LocalDate.of(2023, 7, 10), 300_000L, null, null, false).row();
    }

    private static String[] row(List<String[]> rows, String month, String type) {
        return rows.stream().filter(r -> r[5].equals(month) && r[6].equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no contribution row " + month + "/" + type))
                .clone();
    }

    private static String[] set(String[] row, int column, String value) {
        String[] copy = row.clone();
        copy[column] = value;
        return copy;
    }

    private static BadLine bad(RejectReason reason, String[] fields) {
        return new BadLine(reason, TableWriter.line(fields), false);
    }
}
