package wengang.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.screening.FlagReview;
import wengang.screening.Reviews;

/** `wengang flags review`: records one reviewer decision on one flag (append-only). */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Record a reviewer's decision on one screening flag.",
            "",
            "The flag is looked up by its flag_id in the warehouse's flags (the latest cycle that raised it); "
                    + "an unknown id is refused. The decision is appended to gold/reviews with the claims and persons "
                    + "the flag names, and takes effect in the next cycle:",
            "  CONFIRMED  those claims and persons are HELD (FLAG_CONFIRMED) until the flag is DISMISSED;",
            "  DISMISSED  clears an earlier CONFIRMED and hides the flag until its evidence changes.",
            "",
            "Example:  wengang flags review --flag F3a9c0d2e4b1f6a7 --decision DISMISSED --note \"brothers share one card, checked at the district office\" --warehouse wh"},
        footer = {"", "Exit codes: 0 recorded, 2 bad command line or unknown flag id."})
public final class FlagsReviewCommand implements Callable<Integer> {
    /** The two decisions a reviewer can record. */
    public enum ReviewDecision { CONFIRMED, DISMISSED }

    @ParentCommand
    FlagsCommand flags;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--flag", required = true, paramLabel = "ID", description = "The flag_id (column flag_id of flags.csv).")
    String flagId;

    @Option(names = "--decision", required = true, paramLabel = "CONFIRMED|DISMISSED",
            description = "CONFIRMED holds what the flag names; DISMISSED clears it and hides the flag.")
    ReviewDecision decision;

    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why: what was checked, and where.")
    String note;

    @Option(names = "--reviewer", paramLabel = "NAME",
            description = "Who decides (default: the login name: $USER, else $LOGNAME, else the OS account name).")
    String reviewer;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Override
    public Integer call() {
        String who = reviewer != null && !reviewer.isBlank() ? reviewer : loginName();
        if (who == null) {
            throw new IllegalArgumentException("no reviewer: pass --reviewer NAME (no login name: $USER and $LOGNAME "
                    + "are not set and the OS account has no name)");
        }
        if (note.isBlank()) {
            throw new IllegalArgumentException("--note must say why (it is kept with the decision)");
        }
        SparkSession spark = flags.root.spark();
        Warehouse w = warehouse.open(spark);
        FlagReview.Recorded recorded = FlagReview.record(spark, w, flagId, decision.name(), note, who, Instant.now());
        Row flag = recorded.flag();
        long version = recorded.version();
        List<String> claims = recorded.namedClaims();
        List<String> persons = recorded.namedPersons();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("recorded: %s %s by %s at %s%n", recorded.flagId(), decision, recorded.reviewer(), recorded.at());
        out.printf("  flag:     %s on %s %s (%s), cycle %s, group %s%n",
                flag.getString(flag.fieldIndex(Columns.RULE)), flag.getString(flag.fieldIndex(Columns.SUBJECT_TYPE)),
                flag.getString(flag.fieldIndex(Columns.SUBJECT_ID)), flag.getString(flag.fieldIndex(Columns.SEVERITY)),
                Months.formatDashed(flag.getInt(flag.fieldIndex(Columns.CYCLE))),
                flag.getString(flag.fieldIndex(Columns.GROUP_ID)));
        out.printf("  evidence: %s%n", flag.getString(flag.fieldIndex(Columns.EVIDENCE)));
        out.printf("  note:     %s%n", note.trim());
        out.printf("  stored:   %s, version %d%n", Reviews.path(w), version);
        String named = describe(claims, persons);
        if (decision == ReviewDecision.CONFIRMED) {
            out.printf("will hold from the next cycle (HELD, reason FLAG_CONFIRMED) until this flag is DISMISSED: %s%n", named);
        } else {
            out.printf("will no longer hold (unless another CONFIRMED flag names them): %s%n", named);
            out.println("the flag is left out of flags.csv until its evidence changes (a new flag_id)");
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The login name: $USER, else $LOGNAME (cron sets it), else the OS account name (Java's user.name,
     * "?" when the account has no entry, as in some containers); null when none is known.
     */
    static String loginName() {
        return loginName(System.getenv(), System.getProperty("user.name"));
    }

    /** {@link #loginName()} from the given environment and OS account name. */
    public static String loginName(java.util.Map<String, String> env, String osAccount) {
        for (String candidate : new String[] {env.get("USER"), env.get("LOGNAME"), osAccount}) {
            if (candidate != null && !candidate.isBlank() && !candidate.equals("?")) {
                return candidate.trim();
            }
        }
        return null;
    }

    private static String describe(List<String> claims, List<String> persons) {
        if (claims.isEmpty() && persons.isEmpty()) {
            return "nothing (the flag names no claim or person)";
        }
        StringBuilder s = new StringBuilder();
        if (!claims.isEmpty()) {
            s.append("claims ").append(String.join(", ", claims));
        }
        if (!persons.isEmpty()) {
            s.append(s.length() > 0 ? "; " : "").append("persons ").append(String.join(", ", persons))
                    .append(" (every claim about them)");
        }
        return s.toString();
    }
}
