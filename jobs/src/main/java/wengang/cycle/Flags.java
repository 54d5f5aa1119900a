package wengang.cycle;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.schemas.Columns;

/** The shape of screening flags (contract: flags.csv). */
public final class Flags {
    public static final StructType SCHEMA = new StructType()
            .add(Columns.RULE, DataTypes.StringType)
            .add(Columns.SUBJECT_TYPE, DataTypes.StringType)
            .add(Columns.SUBJECT_ID, DataTypes.StringType)
            .add(Columns.SEVERITY, DataTypes.StringType)
            .add(Columns.EVIDENCE, DataTypes.StringType)
            .add(Columns.FLAG_ID, DataTypes.StringType)
            .add(Columns.GROUP_ID, DataTypes.StringType)
            .add(Columns.GROUP_SIZE, DataTypes.IntegerType);

    private Flags() {}

    public static Dataset<Row> empty(SparkSession spark) {
        return spark.createDataFrame(List.of(), SCHEMA);
    }
}
