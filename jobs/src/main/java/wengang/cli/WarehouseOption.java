package wengang.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --warehouse: the folder of Delta tables that carries data and the ledger between runs. */
public final class WarehouseOption {
    @Option(names = "--warehouse", paramLabel = "DIR",
            description = "Delta warehouse folder (default: ${DEFAULT-VALUE}).", defaultValue = "warehouse")
    Path warehouse;

    public Path path() {
        return warehouse.toAbsolutePath().normalize();
    }
}
