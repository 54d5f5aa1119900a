package wengang.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import wengang.engine.Location;

/**
 * SHA-256 of an input's bytes: of the file itself, or for a folder (Parquet parts, a
 * Delta table) of every file under it (relative path, length and bytes, in path
 * order) except hidden files ({@code .part-0.crc}) and {@code _SUCCESS}. A Delta
 * folder's {@code _delta_log} is content: a new commit is a new snapshot.
 */
public final class ContentHash {
    private ContentHash() {}

    public static String of(InputSource source) {
        if (source.content() != null) {
            return ofBytes(source.content());
        }
        return source.path() == null ? ofBytes(new byte[0]) : of(source.path());
    }

    public static String of(Location path) {
        MessageDigest digest = sha256();
        try {
            if (path.isDirectory()) {
                List<Location> files = path.files().stream().filter(f -> counts(path.relativeName(f)))
                        .sorted((a, b) -> path.relativeName(a).compareTo(path.relativeName(b))).toList();
                for (Location f : files) {
                    digest.update(path.relativeName(f).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(f.length()).array());
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

    private static boolean counts(String relativeName) {
        String fileName = relativeName.substring(relativeName.lastIndexOf('/') + 1);
        return !fileName.startsWith(".") && !fileName.equals("_SUCCESS");
    }

    private static void update(MessageDigest digest, Location file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.open()) {
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
