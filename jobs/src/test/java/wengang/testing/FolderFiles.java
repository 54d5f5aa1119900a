package wengang.testing;

import java.util.Map;
import java.util.TreeMap;
import wengang.engine.Location;

/** What a folder holds, for byte-for-byte comparisons of outputs on any file system. */
public final class FolderFiles {
    private FolderFiles() {}

    /** Every file under {@code folder} (hidden ones included) by its relative name, with its bytes. */
    public static Map<String, byte[]> bytesByName(Location folder) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Location f : folder.files()) {
            out.put(folder.relativeName(f), f.readAllBytes());
        }
        return out;
    }
}
