package wengang.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import wengang.engine.Location;

/** SHA-256 of files, streamed. */
public final class FileHashes {
    private FileHashes() {}

    public static String sha256(Location file) {
        return sha256AndLines(file)[0];
    }

    /** The file's SHA-256 (hex) and its number of line breaks, in one read. */
    public static String[] sha256AndLines(Location file) {
        try (InputStream in = file.open()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            long lines = 0;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
            return new String[] {HexFormat.of().formatHex(md.digest()), Long.toString(lines)};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
