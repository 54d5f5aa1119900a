package wengang.testing;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import wengang.engine.Location;
import wengang.engine.Warehouse;

/** Writes a {@link Fixture} as the bronze tables of a warehouse, as ingest would. */
public final class TestWarehouse {
    private TestWarehouse() {}

    public static Warehouse of(Fixture f, Path dir) {
        SparkSession spark = TestSpark.session();
        Warehouse w = new Warehouse(Location.local(dir));
        write(f.contributions(spark), w.bronze("contributions"));
        write(f.employers(spark), w.bronze("employers"));
        write(f.registry(spark), w.bronze("registry"));
        write(f.claims(spark), w.bronze("claims"));
        write(f.cards(spark), w.bronze("cards"));
        write(f.quotas(spark), w.bronze("quotas"));
        return w;
    }

    /** Replaces one bronze table (a new Delta version), as a changed input file would. */
    public static void write(Dataset<Row> rows, String path) {
        rows.write().format("delta").mode("overwrite").save(path);
    }
}
