package wengang.engine;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * A place the user names (input folder, warehouse, output folder, policy file): a Hadoop
 * path, so {@code file:}, {@code hdfs:}, {@code s3a:}, {@code abfss:} and plain paths all
 * work, and everything wengang reads or writes itself (existence, listings, small files,
 * the published output files) goes through Hadoop's {@link FileSystem} of that path, the
 * same one Spark and Delta use for it. A plain path means what it means to Spark: relative
 * to the working folder on the default file system ({@code fs.defaultFS}: the local disk for
 * {@code bin/wengang}, often HDFS on a cluster).
 *
 * <p>The one class through which the rest of the code touches files. Local files are
 * written without Hadoop's {@code .crc} side files. Errors are {@link UncheckedIOException}s
 * whose message names the location.
 */
public final class Location {
    /** What wengang creates is its owner's only ({@link OwnerOnly}): files 600, folders 700. */
    private static final org.apache.hadoop.fs.permission.FsPermission OWNER_FILE =
            new org.apache.hadoop.fs.permission.FsPermission((short) 0600);
    private static final org.apache.hadoop.fs.permission.FsPermission OWNER_FOLDER =
            new org.apache.hadoop.fs.permission.FsPermission((short) 0700);
    private final FileSystem fs;
    private final Path path;

    private Location(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /** The location {@code given} names, on the file systems of {@code spark}'s Hadoop configuration. */
    public static Location of(SparkSession spark, String given) {
        return of(spark.sparkContext().hadoopConfiguration(), given);
    }

    /** A folder or file on this machine's disk (tests, the generator, the demo). */
    public static Location local(java.nio.file.Path file) {
        // Hadoop keeps one FileSystem per scheme, made with the configuration of whoever asks first:
        // this one must make Spark's and Delta's files owner-only too (OwnerOnly)
        Configuration conf = new Configuration();
        conf.set(OwnerOnly.HADOOP_UMASK_KEY.substring("spark.hadoop.".length()), OwnerOnly.HADOOP_UMASK);
        return of(conf, file.toAbsolutePath().normalize().toUri().toString());
    }

    /** The location {@code given} names under {@code conf}. */
    public static Location of(Configuration conf, String given) {
        if (given == null || given.isBlank()) {
            throw new IllegalArgumentException("a path is empty");
        }
        Path p;
        try {
            p = new Path(given.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + given + "' is not a valid path: " + e.getMessage());
        }
        FileSystem fs;
        try {
            fs = p.getFileSystem(conf);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot open the file system of '" + given + "': " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("No FileSystem for scheme")
                    ? " (schemes: file, hdfs, and s3a/abfss when their Hadoop modules are on the class path)" : ""));
        }
        if (fs instanceof LocalFileSystem local) {
            fs = local.getRawFileSystem(); // no .crc files beside the outputs
        }
        return new Location(fs, fs.makeQualified(p));
    }

    /** A file or folder inside this folder. */
    public Location resolve(String child) {
        return new Location(fs, new Path(path, child));
    }

    /** The folder holding this location. */
    public Location parent() {
        Path parent = path.getParent();
        if (parent == null) {
            throw new IllegalArgumentException(this + " has no parent folder");
        }
        return new Location(fs, parent);
    }

    public String name() {
        return path.getName();
    }

    /** The fully qualified path ({@code file:/...}, {@code hdfs://host:port/...}): what Spark and Delta are given. */
    public String uri() {
        return path.toString();
    }

    /** How the location is shown to people: a local path as a plain path, others with their scheme. */
    @Override
    public String toString() {
        return isLocal() ? path.toUri().getPath() : path.toString();
    }

    public boolean isLocal() {
        return "file".equals(path.toUri().getScheme());
    }

    public boolean exists() {
        return status() != null;
    }

    public boolean isDirectory() {
        FileStatus s = status();
        return s != null && s.isDirectory();
    }

    public boolean isFile() {
        FileStatus s = status();
        return s != null && s.isFile();
    }

    /** When this file or folder last changed (a folder: an entry added or removed), in epoch milliseconds. */
    public long modifiedAt() {
        FileStatus s = status();
        if (s == null) {
            throw new UncheckedIOException(new FileNotFoundException(this + " does not exist"));
        }
        return s.getModificationTime();
    }

    public long length() {
        FileStatus s = status();
        if (s == null) {
            throw new UncheckedIOException(new FileNotFoundException(this + " does not exist"));
        }
        return s.getLen();
    }

    /** The entries of this folder, sorted by name; empty when it does not exist. */
    public List<Location> list() {
        try {
            FileStatus[] entries = fs.listStatus(path);
            return Arrays.stream(entries).map(s -> new Location(fs, s.getPath()))
                    .sorted(Comparator.comparing(Location::name)).toList();
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw failure("cannot list", e);
        }
    }

    /** Every file under this folder (all levels), or this location itself when it is a file. */
    public List<Location> files() {
        List<Location> out = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            while (it.hasNext()) {
                out.add(new Location(fs, it.next().getPath()));
            }
        } catch (IOException e) {
            throw failure("cannot list", e);
        }
        return out;
    }

    /** The path of {@code file} below this folder, with '/' ("part-0.parquet", "_delta_log/0.json"). */
    public String relativeName(Location file) {
        String root = path.toUri().getPath();
        String p = file.path.toUri().getPath();
        if (!p.startsWith(root + "/")) {
            throw new IllegalArgumentException(file + " is not inside " + this);
        }
        return p.substring(root.length() + 1);
    }

    public InputStream open() {
        try {
            return fs.open(path);
        } catch (IOException e) {
            throw failure("cannot read", e);
        }
    }

    public byte[] readAllBytes() {
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw failure("cannot read", e);
        }
    }

    /** A new file here (replacing one that exists), its folders made as needed. */
    public OutputStream create() {
        try {
            // owner-only (600): outputs carry resident IDs, names and card numbers (OwnerOnly)
            return fs.create(path, OWNER_FILE, true, fs.getConf().getInt("io.file.buffer.size", 65536),
                    fs.getDefaultReplication(path), fs.getDefaultBlockSize(path), null);
        } catch (IOException e) {
            throw failure("cannot write", e);
        }
    }

    public void write(byte[] bytes) {
        try (OutputStream out = create()) {
            out.write(bytes);
        } catch (IOException e) {
            throw failure("cannot write", e);
        }
    }

    public void mkdirs() {
        try {
            if (!fs.mkdirs(path, OWNER_FOLDER)) {
                throw new IOException("mkdirs returned false");
            }
        } catch (IOException e) {
            throw failure("cannot create folder", e);
        }
    }

    /** Removes this file or folder (with everything in it); nothing happens when it does not exist. */
    public void delete() {
        try {
            fs.delete(path, true);
        } catch (FileNotFoundException e) {
            // already gone
        } catch (IOException e) {
            throw failure("cannot remove", e);
        }
    }

    /**
     * Renames this file or folder to {@code target}, which must be on the same file system.
     * A file replaces a file already at {@code target} (atomically where the file system can:
     * local disks and HDFS); a folder must not exist at {@code target}. On object stores
     * (s3a, abfss without hierarchical namespace) a rename is a copy: see the README for how
     * the payment set stays safe there.
     */
    public void moveTo(Location target) {
        Objects.requireNonNull(target, "target");
        try {
            if (fs.rename(path, target.path)) {
                return;
            }
            if (isFile() && target.isFile()) {
                FileContext.getFileContext(fs.getUri(), fs.getConf())
                        .rename(path, target.path, Options.Rename.OVERWRITE);
                return;
            }
            throw new IOException("the file system refused the rename");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + this + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private FileStatus status() {
        try {
            return fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw failure("cannot reach", e);
        }
    }

    private UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(what + " " + this + ": " + e.getMessage(), e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location other && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}
