package wengang.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import wengang.engine.Location;
import wengang.engine.Warehouse;

/** --warehouse: the folder of Delta tables that carries data and the ledger between runs. */
public final class WarehouseOption {
    @Option(names = "--warehouse", paramLabel = "DIR",
            description = "Delta warehouse folder: a local path or any Hadoop path (hdfs://, s3a://, ...)"
                    + " (default: ${DEFAULT-VALUE}).", defaultValue = "warehouse")
    String warehouse;

    public Warehouse open(SparkSession spark) {
        return new Warehouse(Location.of(spark, warehouse));
    }
}
