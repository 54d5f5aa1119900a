package wengang.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import wengang.engine.EngineSettings;
import wengang.engine.SparkSessions;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;
import wengang.schemas.Tables;

/**
 * The floor of a cycle: a bare scan of the columns the cycle reads from the bronze
 * contributions table (Delta, current version) into Spark's {@code noop} sink, in a session
 * built exactly like bin/wengang's (conf/wengang.conf). Run several times in one JVM; the
 * last run is the warm figure bench/run reports.
 *
 * <pre>ScanFloor --warehouse DIR [--runs 2] [--json FILE]</pre>
 */
public final class ScanFloor {
    /**
     * Every contract column of contributions but employer_amount, which only ingest reads
     * (eligibility, claims, screening and fulfilment read the others).
     */
    static final List<String> CYCLE_COLUMNS = List.of(Columns.PERSON_ID, Columns.NAME, Columns.EMPLOYER_ID,
            Columns.USER_UNIT_ID, Columns.REGION_CODE, Columns.MONTH, Columns.INSURANCE_TYPE, Columns.BASE,
            Columns.PERSONAL_AMOUNT, Columns.PAY_STATUS, Columns.PAID_ON, Columns.STAFF_TYPE);

    private ScanFloor() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Path warehouse = Path.of(Args.required(a, "warehouse"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "2"));
        long t0 = System.nanoTime();
        SparkSession spark = SparkSessions.embedded(EngineSettings.load(null, Map.of()));
        spark.sparkContext().setLogLevel("WARN");
        double sessionS = (System.nanoTime() - t0) / 1e9;
        String table = new Warehouse(wengang.engine.Location.local(warehouse)).bronze(Tables.CONTRIBUTIONS.name());
        Column[] columns = CYCLE_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            spark.read().format("delta").load(table).select(columns).write().format("noop").mode("overwrite").save();
            times.add((System.nanoTime() - s) / 1e9);
        }
        long rows = spark.read().format("delta").load(table).count();
        spark.stop();
        String json = "{\"rows\": " + rows + ", \"session_s\": " + Args.fmt(sessionS) + ", \"runs_s\": "
                + Args.list(times) + ", \"warm_s\": " + Args.fmt(times.get(times.size() - 1)) + ", \"columns\": "
                + Args.quotedList(CYCLE_COLUMNS) + "}";
        Args.writeJson(a.get("json"), json);
        System.out.println(json);
    }
}
