package wengang.schemas;

import java.util.List;
import java.util.Objects;

/**
 * One column of a contract input table: its name, how it is read, whether it may be
 * empty, and (for codes) the allowed values.
 */
public record ColumnSpec(String name, ColumnKind kind, boolean required, List<String> codes) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        codes = codes == null ? List.of() : List.copyOf(codes);
        if (kind == ColumnKind.CODE && codes.isEmpty()) {
            throw new IllegalArgumentException("code column " + name + " needs its vocabulary");
        }
    }

    public static ColumnSpec required(String name, ColumnKind kind) {
        return new ColumnSpec(name, kind, true, List.of());
    }

    public static ColumnSpec optional(String name, ColumnKind kind) {
        return new ColumnSpec(name, kind, false, List.of());
    }

    public static ColumnSpec code(String name, boolean required, String... codes) {
        return new ColumnSpec(name, ColumnKind.CODE, required, List.of(codes));
    }
}
