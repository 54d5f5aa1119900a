package wengang.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What wengang creates is readable by its owner only: the warehouse (every Delta table,
 * written through Hadoop, under the umask {@link #HADOOP_UMASK}) and every output file
 * (folders 700, files 600). The outputs carry resident IDs, names and card numbers; another
 * local user sees none of them. Sharing a file is a deliberate act (a copy, a chmod).
 */
public final class OwnerOnly {
    /** The Hadoop setting that makes Spark and Delta create files 600 and folders 700. */
    public static final String HADOOP_UMASK_KEY = "spark.hadoop.fs.permissions.umask-mode";
    public static final String HADOOP_UMASK = "077";
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /** Creates {@code dir} and any missing parents, each created one 700 (folders that exist are left as they are). */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return abs;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            return POSIX ? Files.createDirectory(abs, attribute(FOLDER)) : Files.createDirectory(abs);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (Files.isDirectory(abs)) {
                return abs; // made at the same moment by another writer
            }
            throw e;
        }
    }

    /** A new file (it must not exist) created 600, open for writing. */
    public static OutputStream create(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return Channels.newOutputStream(POSIX ? Files.newByteChannel(file, options, attribute(FILE))
                : Files.newByteChannel(file, options));
    }

    /** Writes {@code bytes} as the new file {@code file}, created 600. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(bytes);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> p) {
        return PosixFilePermissions.asFileAttribute(p);
    }
}
