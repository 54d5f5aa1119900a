package wengang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads output CSV files back as a user's CSV parser would. */
public final class CsvFiles {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvFiles() {}

    /** Every record of a file, the header first, parsed with a real CSV parser. */
    public static List<List<String>> records(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class)
                .readValues(Files.readString(file, StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    /** Asserts that the file starts with exactly one header line and that no data record repeats it; returns the data rows. */
    public static List<List<String>> assertOneHeader(Path file) throws IOException {
        List<List<String>> records = records(file);
        assertThat(records).as(file + " has a header").isNotEmpty();
        List<String> header = records.get(0);
        List<List<String>> data = records.subList(1, records.size());
        assertThat(data).as(file + ": the header appears once").doesNotContain(header);
        return data;
    }

    /** {@link #assertOneHeader} on every CSV file under a folder; returns how many files were checked. */
    public static int assertEveryFileHasOneHeader(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("warehouse")).sorted().toList();
        }
        for (Path f : files) {
            assertOneHeader(f);
        }
        return files.size();
    }
}
