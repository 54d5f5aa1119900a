package wengang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Say, month by month, why a claim or a person got what it got: the rule, the data rows used and the policy paragraph."})
public final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--claim", paramLabel = "ID", description = "A claim_id.")
    String claim;

    @Option(names = "--person", paramLabel = "ID", description = "A person_id.")
    String person;

    @Option(names = "--cycle", paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The cycle (default: the latest cycle run on this warehouse).")
    Integer cycle;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("explain: not built yet");
    }
}
