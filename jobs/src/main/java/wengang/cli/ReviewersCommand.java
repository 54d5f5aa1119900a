package wengang.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import wengang.serve.ReviewersFile;
import wengang.serve.ServeSettings;

/** `wengang reviewers add|list`: who may sign in to the review workbench. */
@Command(name = "reviewers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reviewers who may sign in to the review workbench (wengang serve).",
            "They are kept with PBKDF2-SHA256 password hashes in the reviewers file, outside the repository: "
                    + "--reviewers FILE, else $WENGANG_REVIEWERS, else reviewers_file of conf/serve.properties.",
            "",
            "Example:  wengang reviewers add li             (asks for the password twice)",
            "          printf '%%s\\n' \"$PW\" | wengang reviewers add li --password-stdin"},
        subcommands = {ReviewersCommand.Add.class, ReviewersCommand.ListReviewers.class, CommandLine.HelpCommand.class})
public final class ReviewersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --reviewers FILE, shared by the subcommands. */
    static final class FileOption {
        @Option(names = "--reviewers", paramLabel = "FILE",
                description = "Reviewers file (default: $WENGANG_REVIEWERS, else reviewers_file of conf/serve.properties).")
        Path file;

        ServeSettings settings() {
            return ServeSettings.load(file);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Add a reviewer, or set a new password for one (at least 10 characters).",
                "The password is read from the terminal (twice), or from the first line of standard input with "
                        + "--password-stdin; it is never an argument, so it stays out of the shell history."})
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The reviewer's name, recorded with every decision.")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @CommandLine.Mixin
        FileOption file = new FileOption();

        @Override
        public Integer call() throws IOException {
            ServeSettings settings = file.settings();
            char[] password = read();
            try {
                new ReviewersFile(settings.reviewersFile()).put(name, password, settings.passwordIterations());
            } finally {
                Arrays.fill(password, '\0');
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("reviewer %s can sign in (%s)%n", name, settings.reviewersFile());
            out.flush();
            return ExitCode.OK;
        }

        private char[] read() throws IOException {
            Console console = System.console();
            if (!passwordStdin && console != null) {
                char[] first = console.readPassword("password for %s: ", name);
                char[] again = console.readPassword("again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passwords differ: nothing was changed");
                }
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on standard input (give it on the first line)");
            }
            return line.toCharArray();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the reviewers' names (never the hashes).")
    static final class ListReviewers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        FileOption file = new FileOption();

        @Override
        public Integer call() {
            ServeSettings settings = file.settings();
            PrintWriter out = spec.commandLine().getOut();
            java.util.List<String> names = new ReviewersFile(settings.reviewersFile()).names();
            out.printf("%d reviewer(s) in %s%n", names.size(), settings.reviewersFile());
            names.forEach(out::println);
            out.flush();
            return ExitCode.OK;
        }
    }
}
