package wengang.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import wengang.policy.Policy;
import wengang.policy.PolicyLoader;

/** --policy FILE, or the default policy under conf/: the commands that decide or explain decisions. */
public final class PolicyOption {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (default: conf/policies/guangzhou-2023.yaml).")
    Path file;

    Policy load() {
        return file == null ? PolicyLoader.loadDefault() : PolicyLoader.load(file);
    }
}
