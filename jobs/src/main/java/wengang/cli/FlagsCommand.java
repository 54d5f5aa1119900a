package wengang.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Screening flags: list them and record reviewers' decisions. */
@Command(name = "flags", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Screening flags: list the flags a cycle raised and record reviewers' decisions on them.",
            "",
            "Every cycle writes flags.csv (and the warehouse table gold/flags): one row per rule and subject, "
                    + "with a flag_id that stays the same while the evidence does. A reviewer then decides:",
            "  CONFIRMED  the claims and persons the flag names are HELD (reason FLAG_CONFIRMED) from the next "
                    + "cycle on, until a later DISMISSED review of the same flag;",
            "  DISMISSED  the flag is left out of flags.csv until its evidence changes (a new flag_id).",
            "Decisions are appended to gold/reviews, never edited; the latest decision per flag counts.",
            "",
            "Example:  wengang flags list --cycle 2024-01 --warehouse wh",
            "          wengang flags review --flag F3a9c0d2e4b1f6a7 --decision CONFIRMED --note \"same card as 3 others\" --warehouse wh"},
        subcommands = {FlagsListCommand.class, FlagsReviewCommand.class, CommandLine.HelpCommand.class})
public final class FlagsCommand implements Runnable {
    @ParentCommand
    WengangCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
