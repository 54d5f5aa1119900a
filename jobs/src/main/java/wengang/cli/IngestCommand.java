package wengang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read an input folder (one file per contract table: <table>.csv, <table>.parquet or a Delta folder <table>/) into the warehouse as new Delta versions. Bad rows go to rejects with a reason; for every file rows read = rows accepted + rows rejected. An identical file adds nothing."})
public final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The input folder (a full snapshot).")
    Path input;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
            description = "Encoding of the CSV files: UTF-8 (default) or GBK.")
    String encoding;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Option(names = "--out", paramLabel = "DIR", description = "Also write rejects.csv here (default: <warehouse>/reports).")
    Path out;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("ingest: not built yet");
    }
}
