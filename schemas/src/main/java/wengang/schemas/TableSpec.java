package wengang.schemas;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A contract input table: name, whether the input folder must hold it, its columns in order. */
public record TableSpec(String name, boolean requiredTable, List<ColumnSpec> columns) {
    public TableSpec {
        columns = List.copyOf(columns);
    }

    /** The typed (bronze) schema: one field per contract column, in contract order. */
    public StructType schema() {
        StructField[] fields = columns.stream()
                .map(c -> DataTypes.createStructField(c.name(), c.kind().sparkType(), !c.required()))
                .toArray(StructField[]::new);
        return DataTypes.createStructType(fields);
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public Optional<ColumnSpec> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
