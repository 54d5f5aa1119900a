package wengang.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.output.CsvOutput;
import wengang.schemas.PersonalData;

@Command(name = "sql", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read-only: queries only (SELECT, WITH, VALUES, TABLE, FROM, SHOW, DESCRIBE, EXPLAIN); a statement that would change the warehouse (DELETE, UPDATE, INSERT, MERGE, CREATE, DROP, ALTER, VACUUM, RESTORE, SET, ...) is refused before anything runs.",
            "",
            "Run a SQL file or one query against the warehouse (analysts' notebooks: `wengang notebook run`). Every warehouse table is a view: bronze tables by name (contributions, claims, ...), gold (month_eligibility, claim_months, claim_decisions, ledger, flags, fulfilment), silver (spells) and meta (cycle_runs, ingest_runs, metrics). Each SELECT's result is printed; with --out the last one is also written as CSV. Results show resident IDs and card numbers masked (440106********123X), or as keyed pseudonyms when WENGANG_PSEUDONYM_KEY_FILE or WENGANG_PSEUDONYM_KEY is set, and names by their first character: the real values are in the operational outputs.",
            "",
            "Examples:  wengang sql --warehouse demo/warehouse --file my-queries.sql",
            "           wengang sql --warehouse demo/warehouse --query \"select cycle, count(*) from claim_decisions group by cycle\""})
public final class SqlCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Option(names = "--file", paramLabel = "FILE", description = "A SQL file; statements end with ';', lines starting with -- are comments.")
    String file;

    @Option(names = "--query", paramLabel = "SQL", description = "One SQL statement.")
    String query;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the last result to this CSV file.")
    String out;

    @Option(names = "--rows", defaultValue = "50", description = "Rows to print per result (default ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public Integer call() throws Exception {
        if ((file == null) == (query == null)) {
            throw new IllegalArgumentException("sql needs exactly one of --file FILE or --query SQL");
        }
        SparkSession spark = root.spark();
        Warehouse w = warehouse.open(spark);
        List<String> views = registerViews(spark, w);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("warehouse " + w.root() + " holds no tables yet: run `wengang run` or `wengang demo` first");
        }
        List<String> statements = file != null ? statements(new String(Location.of(spark, file).readAllBytes(), StandardCharsets.UTF_8)) : List.of(query);
        for (String sql : statements) {
            ReadOnlySql.require(spark, sql); // all refused before any runs
        }
        Dataset<Row> last = null;
        for (String sql : statements) {
            System.out.println("-- " + sql.replace('\n', ' ').replaceAll(" +", " "));
            Dataset<Row> result = shown(spark.sql(sql), PersonalData.configured());
            if (result.columns().length > 0) {
                result.show(rows, false);
                last = result;
            }
        }
        if (out != null && last != null) {
            long n = CsvOutput.write(last, List.of(last.columns()), List.of(last.columns()[0]),
                    Location.of(spark, out));
            System.out.println(n + " rows written to " + out);
        }
        return ExitCode.OK;
    }

    /**
     * A result as analysts see it: resident IDs and card numbers in every text column masked
     * (or pseudonymised under the configured key), names ({@code name}, {@code payee_name}) cut
     * to their first character. The operational outputs hold the real values for authorised staff.
     */
    static Dataset<Row> shown(Dataset<Row> result, PersonalData how) {
        UserDefinedFunction text = udf((UDF1<String, String>) how::text, DataTypes.StringType);
        UserDefinedFunction name = udf((UDF1<String, String>) PersonalData::maskName, DataTypes.StringType);
        Column[] columns = new Column[result.columns().length];
        StructField[] fields = result.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            String n = fields[i].name();
            Column c = result.col("`" + n.replace("`", "``") + "`");
            if (!fields[i].dataType().equals(DataTypes.StringType)) {
                columns[i] = c;
            } else if (NAME_COLUMNS.contains(n.toLowerCase(java.util.Locale.ROOT))) {
                columns[i] = name.apply(c).as(n);
            } else {
                columns[i] = text.apply(c).as(n);
            }
        }
        return result.select(columns);
    }

    private static final java.util.Set<String> NAME_COLUMNS = java.util.Set.of("name", "payee_name");

    /** Registers every Delta table of the warehouse as a temporary view named after its folder. */
    static List<String> registerViews(SparkSession spark, Warehouse w) {
        List<String> names = new ArrayList<>();
        for (String layer : List.of("bronze", "silver", "gold", "meta")) {
            for (Location t : w.root().resolve(layer).list()) {
                if (Warehouse.exists(t.uri())) {
                    String name = t.name().replaceFirst("^_", "");
                    Warehouse.read(spark, t.uri()).createOrReplaceTempView(name);
                    names.add(name);
                }
            }
        }
        return names;
    }

    static List<String> statements(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : b.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

}
