package wengang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one verification cycle on an already-ingested warehouse (no ingest)."})
public final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--cycle", required = true, paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The verification cycle.")
    int cycle;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("verify: not built yet");
    }
}
