package wengang.payment;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.engine.Location;
import wengang.output.CsvOutput;
import wengang.output.FaultInjection;
import wengang.output.FileHashes;
import wengang.output.StagedOutputs;
import wengang.policy.Policy;
import wengang.schemas.Codes.PaymentStatus;
import wengang.schemas.Columns;
import wengang.schemas.Money;
import wengang.schemas.Months;
import wengang.schemas.OutputFiles;

/**
 * Writes payments/&lt;district&gt;.csv for every district of the city (header only when a
 * district has no line) and payments/manifest.json, atomically as a set: files go to a
 * staging folder, the manifest last, then the folder replaces payments/. A crash leaves
 * either the old set or the new one, never half of one that looks complete. On a file
 * system without atomic renames (object stores) the manifest is the commit: it is written
 * last and names every file with its SHA-256, so a set is complete exactly when every file
 * matches its manifest line.
 */
public final class PaymentFiles {
    public static final String FOLDER = "payments";
    public static final String MANIFEST = "manifest.json";

    private PaymentFiles() {}

    public static Manifest write(Dataset<Row> lines, Policy policy, int cycle, Map<String, Long> inputVersions, Location outDir) {
        Location staging = outDir.resolve("." + FOLDER + ".staging");
        Location target = outDir.resolve(FOLDER);
        staging.delete();
        List<Manifest.FileEntry> files = new ArrayList<>();
        long count = 0;
        BigDecimal pay = Money.ZERO;
        BigDecimal held = Money.ZERO;
        staging.mkdirs();
        // one sorted pass over the lines, one file per district in district order
        List<String> columns = OutputFiles.PAYMENTS.columns();
        Column[] order = java.util.stream.Stream.concat(java.util.stream.Stream.of(Columns.DISTRICT, Columns.PAYMENT_ID),
                columns.stream()).distinct().map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
        Dataset<Row> selected = lines.select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
        int districtIndex = columns.indexOf(Columns.DISTRICT);
        int statusIndex = columns.indexOf(Columns.STATUS);
        int amountIndex = columns.indexOf(Columns.AMOUNT);
        PeekingIterator rows = new PeekingIterator(CsvOutput.sortedRows(selected, order));
        for (String district : policy.districtCodes()) {
            while (rows.hasNext() && rows.peek().getString(districtIndex).compareTo(district) < 0) {
                rows.next(); // a line for an office outside the city cannot be paid by a district: skipped
            }
            BigDecimal[] totals = {Money.ZERO, Money.ZERO};
            Iterator<Row> mine = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext() && rows.peek().getString(districtIndex).equals(district);
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    int t = PaymentStatus.PAY.equals(r.getString(statusIndex)) ? 0 : 1;
                    totals[t] = totals[t].add(r.getDecimal(amountIndex));
                    return r;
                }
            };
            Location file = staging.resolve(district + ".csv");
            long n = CsvOutput.writeRows(columns, mine, file);
            files.add(new Manifest.FileEntry(district + ".csv", district, n, money(totals[0]), money(totals[1]),
                    FileHashes.sha256(file)));
            count += n;
            pay = pay.add(totals[0]);
            held = held.add(totals[1]);
            FaultInjection.point("payments-file-" + district);
        }
        Manifest manifest = new Manifest(Months.formatDashed(cycle),
                new Manifest.PolicyRef(policy.name(), policy.version(), policy.sha256()), inputVersions, files,
                new Manifest.Totals(files.size(), count, pay, held));
        wengang.output.Published.bytes(staging.resolve(MANIFEST), manifest.toJson());
        FaultInjection.point("payments-before-swap");
        StagedOutputs.replaceFolder(staging, target);
        return manifest;
    }

    /**
     * Outside payment cycles no payment file is written; a previous cycle's set is removed (once
     * the cycle's other outputs are published: {@link StagedOutputs}).
     */
    public static void removeStale(Location outDir) {
        outDir.resolve(FOLDER).delete();
        outDir.resolve("." + FOLDER + ".staging").delete();
    }

    /** An iterator that can look at its next row without taking it. */
    private static final class PeekingIterator implements Iterator<Row> {
        private final Iterator<Row> in;
        private Row next;

        PeekingIterator(Iterator<Row> in) {
            this.in = in;
        }

        Row peek() {
            if (next == null) {
                next = in.next();
            }
            return next;
        }

        @Override
        public boolean hasNext() {
            return next != null || in.hasNext();
        }

        @Override
        public Row next() {
            Row r = peek();
            next = null;
            return r;
        }
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? Money.ZERO : v.setScale(Money.SCALE);
    }
}
