package wengang.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The reviewers who may sign in to the workbench, with their password hashes: a text file
 * kept outside the repository ({@link ServeSettings#reviewersFile}), one reviewer a line,
 * {@code name:pbkdf2-sha256:iterations:salt:hash} (salt and hash in Base64). No password
 * is ever stored or logged; the file is created readable by its owner only.
 */
public final class ReviewersFile {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_PASSWORD = 10;

    private final Path file;

    public ReviewersFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    private record Entry(String name, int iterations, byte[] salt, byte[] hash) {}

    /** The reviewers' names, in the file's order. */
    public List<String> names() {
        return new ArrayList<>(read().keySet());
    }

    /**
     * Adds a reviewer, or sets a new password for one already there.
     *
     * @throws IllegalArgumentException for a name outside [A-Za-z0-9._-] or a password shorter than 10 characters
     */
    public void put(String name, char[] password, int iterations) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a reviewer name is 1 to 64 letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Map<String, Entry> entries = read();
        entries.put(name, new Entry(name, iterations, salt, hash(password, salt, iterations)));
        write(entries);
    }

    /** The reviewer's name when the password is theirs (compared in constant time). */
    public Optional<String> check(String name, char[] password) {
        Entry e = name == null ? null : read().get(name.trim());
        if (e == null || password == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(e.hash(), hash(password, e.salt(), e.iterations())) ? Optional.of(e.name())
                : Optional.empty();
    }

    private Map<String, Entry> read() {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the reviewers file " + file + ": " + e.getMessage());
        }
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split(":");
            if (f.length != 5 || !f[1].equals(SCHEME)) {
                throw new IllegalArgumentException("reviewers file " + file + " line " + n
                        + " is not name:" + SCHEME + ":iterations:salt:hash (write it with `wengang reviewers add`)");
            }
            try {
                out.put(f[0], new Entry(f[0], Integer.parseInt(f[2]), Base64.getDecoder().decode(f[3]),
                        Base64.getDecoder().decode(f[4])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reviewers file " + file + " line " + n + ": " + e.getMessage());
            }
        }
        return out;
    }

    private void write(Map<String, Entry> entries) {
        StringBuilder s = new StringBuilder("# wengang serve reviewers: name:" + SCHEME + ":iterations:salt:hash\n");
        Base64.Encoder b64 = Base64.getEncoder();
        entries.values().forEach(e -> s.append(e.name()).append(':').append(SCHEME).append(':').append(e.iterations())
                .append(':').append(b64.encodeToString(e.salt())).append(':').append(b64.encodeToString(e.hash())).append('\n'));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, s, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the reviewers file " + file + ": " + e.getMessage());
        }
    }

    private static byte[] hash(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }
}
