package wengang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a synthetic Guangdong province in the input contract's format, with injected anomalies and ground_truth.csv (what each anomaly should produce)."})
public final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--persons", defaultValue = "2000", description = "Workers to generate (default ${DEFAULT-VALUE}).")
    long persons;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same files (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the input tables into.")
    Path out;

    @Option(names = "--format", defaultValue = "csv", description = "csv (small demos) or parquet (large scales). Default ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("generate: not built yet");
    }
}
