package wengang.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.report.Notebook;
import wengang.report.NotebookPage;
import wengang.schemas.Months;
import wengang.schemas.PersonalData;

@Command(name = "notebook", mixinStandardHelpOptions = true, description = "Analyst notebooks (notebooks/*.sql, Databricks source format).",
        subcommands = {NotebookCommand.Run.class, CommandLine.HelpCommand.class})
public final class NotebookCommand implements Runnable {
    @ParentCommand
    WengangCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run every cell of a notebook against the warehouse (read-only, as `sql`) and render one HTML page with each cell's Markdown, SQL and result: a table, and a chart where the cell asks for one (`-- chart: bar|line|stacked x=COL y=COL[,COL] [series=COL]`). The page is <out>/<notebook>.html; it opens offline.",
                "",
                "Example:  wengang notebook run notebooks/01_fulfilment.sql --warehouse demo/warehouse --cycle 2024-04 --out demo/notebooks"})
    static final class Run implements Callable<Integer> {
        @ParentCommand
        NotebookCommand parent;

        @Parameters(paramLabel = "NOTEBOOK", description = "A notebook file (Databricks source format); a local path or any Hadoop path (hdfs:, s3a:, file:).")
        String notebook;

        @Mixin
        WarehouseOption warehouse = new WarehouseOption();

        @Option(names = "--cycle", paramLabel = "yyyy-MM", converter = CycleConverter.class,
                description = "The cycle the notebook's :cycle parameter names (default: the widget's default, the latest cycle).")
        Integer cycle;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Folder of the rendered page: a local path or any Hadoop path (hdfs:, s3a:, file:).")
        String out;

        @Option(names = "--rows", defaultValue = "200", description = "Rows shown per result (default ${DEFAULT-VALUE}).")
        int rows;

        @Override
        public Integer call() throws Exception {
            SparkSession spark = parent.root.spark();
            Location source = Location.of(spark, notebook);
            if (!source.exists()) {
                throw new IllegalArgumentException("notebook " + source + " does not exist: name a .sql notebook, e.g. notebooks/01_fulfilment.sql");
            }
            Notebook nb = Notebook.parse(new String(source.readAllBytes(), StandardCharsets.UTF_8));
            Warehouse w = warehouse.open(spark);
            if (SqlCommand.registerViews(spark, w).isEmpty()) {
                throw new IllegalArgumentException("warehouse " + w.root() + " holds no tables yet: run `wengang run` or `wengang demo` first");
            }
            Map<String, Object> args = new LinkedHashMap<>(nb.widgets());
            if (cycle != null) {
                args.put("cycle", Months.format(cycle));
            }
            for (Notebook.Cell c : nb.cells()) {
                if (!c.markdown()) {
                    c.statements().forEach(sql -> ReadOnlySql.require(spark, Notebook.bind(sql, args))); // all refused before any runs
                }
            }
            List<NotebookPage.Result> results = new ArrayList<>();
            for (Notebook.Cell c : nb.cells()) {
                Dataset<Row> last = null;
                if (!c.markdown()) {
                    for (String sql : c.statements()) {
                        // shown as `sql` shows them: resident IDs, card numbers and names masked
                        last = SqlCommand.shown(spark.sql(Notebook.bind(sql, args)), PersonalData.configured());
                    }
                }
                results.add(NotebookPage.result(c, last, rows));
            }
            String name = source.name().replaceFirst("\\.sql$", "");
            Location folder = Location.of(spark, out);
            folder.mkdirs();
            Location page = folder.resolve(name + ".html");
            NotebookPage.write(name, args, results, page);
            System.out.println(results.size() + " cells run; page: " + page);
            return ExitCode.OK;
        }
    }
}
