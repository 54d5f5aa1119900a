package wengang.cycle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.engine.Location;
import wengang.ingest.RejectsTable;
import wengang.output.CsvOutput;
import wengang.policy.Policy;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.OutputFiles;
import wengang.schemas.OutputFiles.OutputFile;

/** Writes the contract's CSV files of one cycle under --out (payment files: {@link wengang.payment.PaymentFiles}). */
public final class CycleOutputs {
    private CycleOutputs() {}

    /** Writes one output with the cycle and policy version columns, sorted by its first column(s). */
    public static long write(Dataset<Row> rows, OutputFile file, List<String> sortBy, Policy policy, int cycle, Location outDir) {
        Dataset<Row> stamped = rows;
        if (file.columns().contains(Columns.CYCLE)) {
            stamped = stamped.withColumn(Columns.CYCLE, lit(Months.format(cycle)));
        }
        if (file.columns().contains(Columns.POLICY_VERSION)) {
            stamped = stamped.withColumn(Columns.POLICY_VERSION, lit(policy.label()));
        }
        return CsvOutput.write(stamped, file.columns(), sortBy, outDir.resolve(file.fileName()));
    }

    /** Writes every contract CSV of the cycle; returns rows written per file name. */
    public static Map<String, Long> writeAll(CycleComputation.CycleResult r, Dataset<Row> flags, Dataset<Row> riskUnits,
                                             Dataset<Row> rejects, Policy policy, Location outDir) {
        int c = r.cycle();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(OutputFiles.CLAIM_DECISIONS.fileName(),
                write(r.claimDecisions(), OutputFiles.CLAIM_DECISIONS, List.of(Columns.CLAIM_ID), policy, c, outDir));
        rows.put(OutputFiles.CLAIM_MONTHS.fileName(), write(r.claimMonths(), OutputFiles.CLAIM_MONTHS,
                List.of(Columns.CLAIM_ID, Columns.MONTH), policy, c, outDir));
        rows.put(OutputFiles.ADJUSTMENTS.fileName(), write(r.adjustments(), OutputFiles.ADJUSTMENTS,
                List.of(Columns.CLAIM_ID, Columns.MONTH), policy, c, outDir));
        rows.put(OutputFiles.FLAGS.fileName(), write(flags, OutputFiles.FLAGS,
                List.of(Columns.RULE, Columns.SUBJECT_TYPE, Columns.SUBJECT_ID), policy, c, outDir));
        rows.put(OutputFiles.ELIGIBLE_UNCLAIMED.fileName(), write(r.eligibleUnclaimed(), OutputFiles.ELIGIBLE_UNCLAIMED,
                List.of(Columns.PERSON_ID, Columns.DISTRICT), policy, c, outDir));
        rows.put(OutputFiles.FULFILMENT.fileName(), write(r.fulfilment(), OutputFiles.FULFILMENT,
                List.of(Columns.YEAR, Columns.REGION_CODE), policy, c, outDir));
        rows.put(OutputFiles.FULFILMENT_MONTHLY.fileName(), write(r.fulfilmentMonthly(), OutputFiles.FULFILMENT_MONTHLY,
                List.of(Columns.YEAR, Columns.MONTH, Columns.REGION_CODE), policy, c, outDir));
        rows.put(OutputFiles.RISK_UNITS.fileName(), write(riskUnits, OutputFiles.RISK_UNITS, List.of("rank"), policy, c,
                outDir));
        rows.put(OutputFiles.REJECTS.fileName(), CsvOutput.write(RejectsTable.withAllColumns(rejects),
                OutputFiles.REJECTS.columns(),
                List.of(Columns.TABLE, Columns.FILE, Columns.LINE), outDir.resolve(OutputFiles.REJECTS.fileName())));
        return rows;
    }

    /** A rejects frame with no rows (when nothing was ingested). */
    public static Dataset<Row> noRejects(Dataset<Row> any) {
        return any.sparkSession().emptyDataFrame()
                .select(lit("").as(Columns.TABLE), lit("").as(Columns.FILE), lit(0L).as(Columns.LINE),
                        lit("").as(Columns.COLUMN), lit("").as(Columns.REASON), lit("").as(Columns.RAW),
                        lit("").as(Columns.RAW_BASE64))
                .filter(col(Columns.TABLE).isNull());
    }
}
