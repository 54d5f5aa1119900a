package wengang.ingest;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import wengang.schemas.TableSpec;

/**
 * One table of an input folder, found and checked: where it is, how to read it, and
 * its header (column names as the file gives them; CSV header or Parquet/Delta schema).
 *
 * @param fileName the name as given in the input folder ({@code contributions.csv},
 *                 {@code cards} for a Delta folder), the default file's path for
 *                 {@link InputFormat#DEFAULT}, empty for {@link InputFormat#NONE}
 * @param charset  the text encoding; null unless {@link InputFormat#isText()}
 */
public record InputSource(TableSpec table, String fileName, Path path, InputFormat format, Charset charset,
                          List<String> header) {
    public InputSource {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        header = List.copyOf(header);
        if (format.isText() && charset == null) {
            throw new IllegalArgumentException(format.label() + " input needs a charset");
        }
        if (format != InputFormat.NONE) {
            Objects.requireNonNull(path, "path");
        }
    }

    /** An optional table the folder does not hold: ingested as an empty version. */
    public static InputSource none(TableSpec table) {
        return new InputSource(table, "", null, InputFormat.NONE, null, table.columnNames());
    }

    /** The encoding recorded in ingest_runs: the charset name for text inputs, else null. */
    public String encodingLabel() {
        return charset == null ? null : charset.name();
    }
}
