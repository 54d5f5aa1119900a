package wengang.output;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import wengang.engine.Location;

/**
 * The files of one run under its output folder, published together: every file is written
 * into a hidden staging folder inside the output folder ({@value #FOLDER}) and only when all of
 * them are written are they renamed over the previous ones: files first, then each staged
 * folder as a whole (the payment set, its manifest inside it). A failure while writing (a full
 * disk, a space quota, a write error) removes the staging folder and leaves every previous
 * output byte for byte as it was; a run killed while writing leaves the staging folder, which
 * the next run removes. Publishing only renames, so it needs no space: a full disk cannot stop
 * it halfway. The price is room for one new set beside the old one.
 *
 * <p>{@link #open} makes the output folder first, so an output folder that cannot be made (its
 * parent is a file, a read-only file system) stops a run before it has done anything.
 */
public final class StagedOutputs {
    /** The staging folder's name inside the output folder. */
    public static final String FOLDER = ".wengang-staging";

    private final Location out;
    private final Location staging;

    private StagedOutputs(Location out) {
        this.out = out;
        this.staging = out.resolve(FOLDER);
    }

    /** Makes the output folder and an empty staging folder in it (a dead run's leftovers removed). */
    public static StagedOutputs open(Location out) {
        requireWritable(out);
        StagedOutputs s = new StagedOutputs(out);
        try {
            s.staging.delete();
            s.staging.mkdirs();
        } catch (UncheckedIOException e) {
            throw unwritable(out, e);
        }
        return s;
    }

    /** Makes the output folder, or fails with one line saying what to do; writes nothing in it. */
    public static void requireWritable(Location out) {
        try {
            if (out.exists() && !out.isDirectory()) {
                throw new UncheckedIOException(new java.io.IOException(out + " is a file, not a folder"));
            }
            out.mkdirs();
        } catch (UncheckedIOException e) {
            throw unwritable(out, e);
        }
    }

    private static UncheckedIOException unwritable(Location out, UncheckedIOException e) {
        String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return new UncheckedIOException("cannot write the output folder " + out + ": " + cause
                + ". Give an output folder (--out) this user can create and write; nothing was written to it", e.getCause());
    }

    /** The folder this run writes its outputs into (the staging folder). */
    public Location folder() {
        return staging;
    }

    /**
     * Renames every staged file over the output of its name, then every staged folder over the
     * folder of its name (the old one moved aside first and removed after), then removes the
     * staging folder. Outputs of earlier runs that this run did not write stay.
     */
    public void publish() {
        List<Location> folders = new ArrayList<>();
        for (Location f : staging.list()) {
            if (f.name().startsWith(".")) {
                continue; // a writer's own leftovers (a temporary file, a staging folder)
            }
            if (f.isDirectory()) {
                folders.add(f);
            } else {
                f.moveTo(out.resolve(f.name()));
            }
        }
        for (Location folder : folders) {
            replaceFolder(folder, out.resolve(folder.name()));
        }
        staging.delete();
    }

    /** Removes the staging folder after a failure (the previous outputs are untouched); never throws. */
    public void discard(Throwable failure) {
        try {
            staging.delete();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A failure of a write into the staging folder said for the output folder (nothing in it was
     * replaced); any other failure as it is.
     */
    public UncheckedIOException failed(UncheckedIOException e) {
        if (e.getMessage() == null || !e.getMessage().contains(staging.toString())) {
            return e;
        }
        return new UncheckedIOException("cannot write the outputs to " + out + " (nothing there was replaced): "
                + e.getMessage(), e.getCause());
    }

    /**
     * Puts folder {@code from} in the place of {@code target}: the old one renamed aside, the new
     * one renamed in, the old one removed. A crash in between leaves the old folder (aside) or
     * the new one, never a mix of both.
     */
    public static void replaceFolder(Location from, Location target) {
        Location old = target.parent().resolve("." + target.name() + ".old");
        old.delete();
        if (target.exists()) {
            target.moveTo(old);
        }
        from.moveTo(target);
        old.delete();
    }
}
