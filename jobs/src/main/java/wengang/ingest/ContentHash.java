package wengang.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 of an input's bytes: of the file itself, or for a folder (Parquet parts, a
 * Delta table) of every file under it (relative path, length and bytes, in path
 * order) except hidden files ({@code .part-0.crc}) and {@code _SUCCESS}. A Delta
 * folder's {@code _delta_log} is content: a new commit is a new snapshot.
 */
public final class ContentHash {
    private ContentHash() {}

    public static String of(InputSource source) {
        return source.path() == null ? ofBytes(new byte[0]) : of(source.path());
    }

    public static String of(Path path) {
        MessageDigest digest = sha256();
        try {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).filter(p -> counts(p.getFileName().toString()))
                            .sorted((a, b) -> relative(path, a).compareTo(relative(path, b))).toList();
                }
                for (Path f : files) {
                    digest.update(relative(path, f).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(f)).array());
                    update(digest, f);
                }
            } else {
                update(digest, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to hash it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static boolean counts(String fileName) {
        return !fileName.startsWith(".") && !fileName.equals("_SUCCESS");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
