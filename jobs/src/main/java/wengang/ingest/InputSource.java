package wengang.ingest;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import wengang.engine.Location;
import wengang.schemas.TableSpec;

/**
 * One table of an input folder, found and checked: where it is, how to read it, and
 * its header (column names as the file gives them; CSV header or Parquet/Delta schema).
 *
 * @param fileName the name as given in the input folder ({@code contributions.csv},
 *                 {@code cards} for a Delta folder), the default file's path for
 *                 {@link InputFormat#DEFAULT}, empty for {@link InputFormat#NONE}
 * @param path     where the table is; null for {@link InputFormat#DEFAULT} and {@link InputFormat#NONE}
 * @param charset  the text encoding; null unless {@link InputFormat#isText()}
 * @param content  the bytes of a {@link InputFormat#DEFAULT} table (bundled in the jar, read on
 *                 the driver and handed to Spark as data); null for the others
 */
public record InputSource(TableSpec table, String fileName, Location path, InputFormat format, Charset charset,
                          List<String> header, byte[] content) {
    public InputSource(TableSpec table, String fileName, Location path, InputFormat format, Charset charset,
                       List<String> header) {
        this(table, fileName, path, format, charset, header, null);
    }

    public InputSource {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        header = List.copyOf(header);
        if (format.isText() && charset == null) {
            throw new IllegalArgumentException(format.label() + " input needs a charset");
        }
        if (format == InputFormat.DEFAULT) {
            Objects.requireNonNull(content, "content");
        } else if (format != InputFormat.NONE) {
            Objects.requireNonNull(path, "path");
        }
    }

    /** An optional table the folder does not hold: ingested as an empty version. */
    public static InputSource none(TableSpec table) {
        return new InputSource(table, "", null, InputFormat.NONE, null, table.columnNames());
    }

    /** The same source with its header as read. */
    public InputSource withHeader(List<String> header) {
        return new InputSource(table, fileName, path, format, charset, header, content);
    }

    /** The encoding recorded in ingest_runs: the charset name for text inputs, else null. */
    public String encodingLabel() {
        return charset == null ? null : charset.name();
    }
}
