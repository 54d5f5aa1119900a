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
        description = {"Read an input folder (one file per contract table: <table>.csv, <table>.parquet or a Delta folder <table>/) into the warehouse as new Delta versions. Bad rows go to rejects with a reason; for every file rows read = rows accepted + rows rejected. An identical file adds nothing.",
                "",
                "A full snapshot (the default) replaces each table. With --increment the folder holds only new and changed rows of the tables that changed (say, next month's contributions and the late payments of earlier months): each row replaces the rows with its key, so re-ingesting the same increment changes nothing.",
                "",
                "Keys: contributions person_id+employer_id+month+insurance_type; employers employer_id; registry person_id+status+status_from; claims claim_id; cards person_id+card_no; quotas year+region_code.",
                "",
                "Examples:",
                "  wengang ingest --input /data/2026-01 --warehouse /srv/wengang",
                "  wengang ingest --input /data/increment-2026-02 --increment --warehouse /srv/wengang"})
public final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The input folder (a full snapshot, or with --increment the changed rows): a local or Hadoop path.")
    String input;

    @Option(names = "--increment", description = "The folder is an increment: merge its rows into the warehouse by key instead of replacing the tables; tables it lacks stay as they are.")
    boolean increment;

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
        IngestReport report = IngestJob.run(spark, Location.of(spark, input), charset, wh, IngestJob.defaultQuotasFile(), increment);
        Location dir = out != null ? Location.of(spark, out) : wh.root().resolve("reports");
        Location rejects = dir.resolve(OutputFiles.REJECTS.fileName());
        long written = IngestJob.writeRejectsCsv(spark, wh, rejects);
        spec.commandLine().getOut().print(report.summaryText());
        spec.commandLine().getOut().println("rejects: " + written + " rows in " + rejects);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
