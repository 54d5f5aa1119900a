package wengang.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import wengang.engine.Location;
import wengang.generate.GeneratorOptions;
import wengang.generate.GeneratorReport;
import wengang.generate.ProvinceGenerator;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a synthetic Guangdong province in the input contract's format, with injected anomalies and ground_truth.csv (what each anomaly should produce).",
            "",
            "Size: --persons N alone writes registry-side persons only (the small demo and test provinces); --insured N adds ordinary workers around them, as in a real province (7 %% registry-side by default); --contribution-rows R picks --insured for about R contribution rows. Ordinary workers never change a decision, a flag or an expected anomaly (only the line numbers of bad rows move). About 229 contribution rows per insured person at 7 %% (10^8 rows: about 440,000 insured); use --format parquet from a few million rows."})
public final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--persons", paramLabel = "N", description = {
        "Registry-side persons: the poverty-alleviated workers of the registry, the scripted anomaly persons among them; "
            + "at least 50. Default 2000, or --insured times --registry-share when --insured is given."})
    Long persons;

    @Option(names = "--insured", paramLabel = "N", description = {
        "Insured persons in all: the registry-side persons plus ordinary workers, who are never in the registry, never "
            + "claim and have full contribution histories (five insurance types a month, job changes, Guangzhou and "
            + "other Guangdong cities): the bulk a cycle has to narrow. Default: --persons (no ordinary workers). "
            + "Example: --insured 200000 gives 14,000 registry-side persons and 186,000 ordinary workers."})
    Long insured;

    @Option(names = "--registry-share", paramLabel = "SHARE", description = {
        "Share of the insured who are registry-side persons, above 0 and at most 1 (default 0.07 when only --insured "
            + "is given). With --insured it sets --persons; with --persons it sets --insured. "
            + "Give at most two of --persons, --insured and --registry-share."})
    Double registryShare;

    @Option(names = "--contribution-rows", paramLabel = "ROWS", description = {
        "Instead of --insured: size the province by its contributions table. Chooses --insured so that there are about "
            + "ROWS contribution rows (estimated from a sample of persons, within about 1 %%), at --registry-share or "
            + "around --persons. Example: --contribution-rows 100000000 --format parquet."})
    Long contributionRows;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same files (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = {
        "Folder to write the input tables into: any Hadoop path, as for the other commands (a plain or file: path, "
            + "hdfs://namenode:8020/wengang/in, s3a://bucket/wengang/in); a plain path is relative to the working "
            + "folder on the default file system."})
    String out;

    @Option(names = "--format", defaultValue = "csv", description = "csv (small demos) or parquet (large scales). Default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--increment-month", paramLabel = "yyyy-MM", converter = CycleConverter.class, description = {
        "Also deliver the province as a data centre receives it month by month: OUT/snapshot is the full snapshot as it "
            + "stood before that fee month arrived, OUT/increment-yyyyMM the month's increment (every row of the month, "
            + "back-payments of the two months before replacing OWED rows, a registry person arriving and a status period "
            + "closed); the complete province is in OUT/complete. Parquet only. Example: --increment-month 2023-12, then "
            + "ingest OUT/snapshot, run the cycle 2023-12, ingest OUT/increment-202312 with --increment and run 2024-01."})
    Integer incrementMonth;

    @Override
    public Integer call() {
        if (incrementMonth != null && !GeneratorOptions.PARQUET.equalsIgnoreCase(format)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--increment-month writes Parquet folders: add --format parquet");
        }
        // checked before Spark starts: a wrong --persons, --insured or --format costs nothing
        GeneratorOptions options = GeneratorOptions.of(persons, insured, registryShare, contributionRows, seed, out, format);
        SparkSession spark = root.spark();
        Location folder = Location.of(spark, out);
        Location tables = incrementMonth == null ? folder : folder.resolve("complete");
        GeneratorReport report = ProvinceGenerator.generate(spark, options.withOut(tables.uri()));
        spec.commandLine().getOut().println(report.summary());
        if (incrementMonth != null) {
            Location snapshot = folder.resolve("snapshot");
            Location increment = folder.resolve("increment-" + incrementMonth);
            wengang.generate.IncrementSplit.write(spark, tables, incrementMonth, snapshot, increment);
            spec.commandLine().getOut().println("month by month: " + snapshot + " (before "
                    + wengang.schemas.Months.formatDashed(incrementMonth) + "), then " + increment + " (ingest it with --increment)");
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
