package wengang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import wengang.generate.GeneratorOptions;
import wengang.generate.GeneratorReport;
import wengang.generate.ProvinceGenerator;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a synthetic Guangdong province in the input contract's format, with injected anomalies and ground_truth.csv (what each anomaly should produce)."})
public final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--persons", defaultValue = "2000", description = "Workers to generate, at least 50 (default ${DEFAULT-VALUE}).")
    long persons;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same files (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the input tables into.")
    Path out;

    @Option(names = "--format", defaultValue = "csv", description = "csv (small demos) or parquet (large scales). Default ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        // checked before Spark starts: a wrong --persons or --format costs nothing
        GeneratorOptions options = new GeneratorOptions(persons, seed, out, format);
        GeneratorReport report = ProvinceGenerator.generate(root.spark(), options);
        spec.commandLine().getOut().println(report.summary());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
