package wengang.cli;

import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.ingest.IngestJob;
import wengang.ingest.IngestReport;
import wengang.schemas.OutputFiles;

@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read an input folder (one file per contract table: <table>.csv, <table>.parquet or a Delta folder <table>/) into the warehouse as new Delta versions. Bad rows go to rejects with a reason; for every file rows read = rows accepted + rows rejected. An identical file adds nothing."})
public final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The input folder (a full snapshot): a local or Hadoop path.")
    String input;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
            description = "Encoding of the CSV files: UTF-8 (default) or GBK. A file mostly not valid in it stops the ingest (exit 3) before anything is written.")
    String encoding;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Option(names = "--out", paramLabel = "DIR", description = "Also write rejects.csv here (default: <warehouse>/reports).")
    String out;

    @Override
    public Integer call() {
        Charset charset = IngestJob.charset(encoding); // before Spark starts: a bad name is a usage error
        SparkSession spark = root.spark();
        Warehouse wh = warehouse.open(spark);
        IngestReport report = IngestJob.run(spark, Location.of(spark, input), charset, wh);
        Location dir = out != null ? Location.of(spark, out) : wh.root().resolve("reports");
        Location rejects = dir.resolve(OutputFiles.REJECTS.fileName());
        long written = IngestJob.writeRejectsCsv(spark, wh, rejects);
        spec.commandLine().getOut().print(report.summaryText());
        spec.commandLine().getOut().println("rejects: " + written + " rows in " + rejects);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
