package wengang.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;

/** How --persons, --insured, --registry-share and --contribution-rows combine, checked before Spark starts. */
class GeneratorOptionsTest {
    /** As the command line gives it: a Hadoop path, plain here. */
    private static final String OUT = "target/never-written";

    private static GeneratorOptions of(Long persons, Long insured, Double share) {
        return GeneratorOptions.of(persons, insured, share, 1, OUT, "csv");
    }

    @Test
    void withoutInsuredTheProvinceIsRegistrySidePersonsOnly() {
        assertThat(of(null, null, null)).isEqualTo(new GeneratorOptions(2_000, 2_000, 1, OUT, "csv"));
        GeneratorOptions p = of(300L, null, null);
        assertThat(p.insured()).isEqualTo(300);
        assertThat(p.ordinaryWorkers()).isZero();
        assertThat(p.registryShare()).isEqualTo(1.0);
    }

    @Test
    void theThirdFollowsFromTheOtherTwo() {
        GeneratorOptions byDefaultShare = of(null, 200_000L, null);
        assertThat(byDefaultShare.persons()).isEqualTo(14_000);
        assertThat(byDefaultShare.insured()).isEqualTo(200_000);
        assertThat(of(null, 200_000L, 0.05).persons()).isEqualTo(10_000);
        GeneratorOptions both = of(14_000L, 200_000L, null);
        assertThat(both.ordinaryWorkers()).isEqualTo(186_000);
        assertThat(both.registryShare()).isEqualTo(0.07);
        assertThat(of(14_000L, null, 0.07).insured()).isEqualTo(200_000);
        assertThat(of(null, null, 0.1).insured()).isEqualTo(20_000);
        assertThat(of(500L, 500L, null).ordinaryWorkers()).isZero();
    }

    @Test
    void badCombinationsSayWhatToDo() {
        assertThatThrownBy(() -> of(100L, 1_000L, 0.1)).hasMessageContaining("at most two of");
        assertThatThrownBy(() -> of(1_000L, 999L, null)).hasMessageContaining("--insured 999 is less than --persons 1000");
        assertThatThrownBy(() -> of(null, 500L, null)).hasMessageContaining("gives 35 registry-side persons")
                .hasMessageContaining("give --insured 708 or more");
        assertThatThrownBy(() -> of(null, 1_000L, 0.0)).hasMessageContaining("--registry-share");
        assertThatThrownBy(() -> of(null, 1_000L, 1.5)).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> of(null, 1_000L, Double.NaN)).hasMessageContaining("--registry-share");
        assertThatThrownBy(() -> of(null, 20_000_000L, null)).hasMessageContaining("--insured must be at most");
        assertThatThrownBy(() -> of(1_000_000L, null, 0.01)).hasMessageContaining("raise --registry-share");
        assertThatThrownBy(() -> of(null, 0L, null)).hasMessageContaining("--insured must be positive");
        assertThatThrownBy(() -> new GeneratorOptions(100, 99, 1, OUT, "csv")).hasMessageContaining("at least 100");
        assertThatThrownBy(() -> GeneratorOptions.of(null, 1_000L, null, 1_000_000L, 1, OUT, "csv"))
                .hasMessageContaining("--insured or --contribution-rows, not both");
        assertThatThrownBy(() -> GeneratorOptions.of(100L, null, 0.1, 1_000_000L, 1, OUT, "csv"))
                .hasMessageContaining("--persons or --registry-share, not both");
        assertThatThrownBy(() -> GeneratorOptions.of(null, null, null, 10_000L, 1, OUT, "csv"))
                .hasMessageContaining("too small a province");
    }

    @Test
    void contributionRowsChooseTheInsured() {
        ProvinceSize size = ProvinceSize.estimate(1);
        GeneratorOptions o = GeneratorOptions.of(null, null, null, 10_000_000L, 1, OUT, "parquet");
        assertThat(o.insured()).isEqualTo(size.insuredFor(10_000_000, GeneratorOptions.DEFAULT_REGISTRY_SHARE));
        assertThat(o.persons()).isEqualTo(Math.round(o.insured() * GeneratorOptions.DEFAULT_REGISTRY_SHARE));
        GeneratorOptions around = GeneratorOptions.of(2_000L, null, null, 10_000_000L, 1, OUT, "parquet");
        assertThat(around.persons()).isEqualTo(2_000);
        assertThat(size.contributionRows(around.persons(), around.insured())).isCloseTo(10_000_000L,
                org.assertj.core.data.Offset.offset(1_000L));
    }

    @Test
    void theCommandLineRefusesBeforeSparkStarts() {
        WengangCommand root = new WengangCommand(settings -> {
            throw new AssertionError("Spark must not start");
        });
        assertThat(WengangCommand.commandLine(root).execute("generate", "--insured", "300", "--out", OUT))
                .isEqualTo(ExitCode.USAGE);
        assertThat(WengangCommand.commandLine(root).execute("generate", "--persons", "100", "--insured", "1000",
                "--registry-share", "0.1", "--out", OUT)).isEqualTo(ExitCode.USAGE);
        assertThat(WengangCommand.commandLine(root).execute("generate", "--persons", "100", "--insured", "99",
                "--out", OUT)).isEqualTo(ExitCode.USAGE);
    }
}
