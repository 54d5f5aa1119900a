package wengang.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The version of the code that runs: the project version and a SHA-256 of the code itself
 * (the jar, or every file of the compiled classes folders), so an audit can tell whether a
 * cycle is re-run by the code that made its files, whatever was or was not committed to git.
 */
public final class CodeVersion {
    private static String current;

    private CodeVersion() {}

    /** {@code 0.1.0-SNAPSHOT sha256:<first 16 hex digits>}, computed once per process. */
    public static synchronized String current() {
        if (current == null) {
            String version = CodeVersion.class.getPackage().getImplementationVersion();
            current = (version == null ? "0.1.0-SNAPSHOT" : version) + " sha256:" + codeHash().substring(0, 16);
        }
        return current;
    }

    private static String codeHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> roots = new ArrayList<>();
            for (Class<?> c : List.of(CodeVersion.class, wengang.schemas.ResidentId.class)) {
                Path root = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!roots.contains(root)) {
                    roots.add(root);
                }
            }
            for (Path root : roots) {
                List<Path> files;
                if (Files.isDirectory(root)) {
                    try (Stream<Path> walk = Files.walk(root)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                } else {
                    files = List.of(root);
                }
                for (Path f : files) {
                    md.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(f)) {
                        byte[] buf = new byte[1 << 16];
                        for (int n; (n = in.read(buf)) > 0; ) {
                            md.update(buf, 0, n);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code to hash it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException | URISyntaxException | NullPointerException e) {
            return "0".repeat(64); // no code source (an unusual class loader): unknown
        }
    }
}
