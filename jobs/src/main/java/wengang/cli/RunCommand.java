package wengang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ingest an input folder and run one verification cycle: claim decisions, payment files (January, April, July, October), flags, fulfilment, rejects, all under --out. Pass the same --warehouse to chain cycles: its ledger carries what was paid."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The input folder (a full snapshot).")
    Path input;

    @Option(names = "--cycle", required = true, paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The verification cycle (a month): sees data paid and submitted before its first day, decides months up to the month before.")
    int cycle;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Delta warehouse (default: <out>/warehouse).")
    Path warehouse;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET", description = "CSV encoding: UTF-8 (default) or GBK.")
    String encoding;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("run: not built yet");
    }
}
