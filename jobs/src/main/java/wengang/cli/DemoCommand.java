package wengang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a small province, ingest it and run verification cycles on it, then print a summary and where the outputs are. Nothing to prepare."})
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--dir", defaultValue = "demo", paramLabel = "DIR",
            description = "Where the demo writes its input, warehouse and outputs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--persons", defaultValue = "2000", description = "Workers to generate (default ${DEFAULT-VALUE}).")
    long persons;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("demo: not built yet");
    }
}
