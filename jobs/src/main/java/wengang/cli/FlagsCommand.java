package wengang.cli;

import picocli.CommandLine.Command;

@Command(name = "flags", mixinStandardHelpOptions = true,
        description = {"Screening flags: record reviewers' decisions."},
        subcommands = {})
public final class FlagsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
