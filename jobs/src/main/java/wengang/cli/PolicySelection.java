package wengang.cli;

import java.nio.file.Path;
import wengang.policy.Policy;
import wengang.policy.PolicyLoader;

/** --policy FILE, or the default policy under conf/. */
final class PolicySelection {
    private PolicySelection() {}

    static Policy load(Path file) {
        return file == null ? PolicyLoader.loadDefault() : PolicyLoader.load(file);
    }
}
