package wengang.ingest;

import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.schemas.Codes;
import wengang.schemas.ColumnKind;
import wengang.schemas.ColumnSpec;
import wengang.schemas.Columns;
import wengang.schemas.CreditCode;
import wengang.schemas.FieldText;
import wengang.schemas.Money;
import wengang.schemas.RejectReason;
import wengang.schemas.ResidentId;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;

/**
 * Checks and types the rows of one input table (contract.md "Bad input"). Pure:
 * Dataset in, Dataset out, no I/O.
 *
 * <p>Input: {@code line} (long), {@code raw} (string), optionally {@code raw_base64}
 * (string: the original bytes of a line that did not decode) and {@code malformed}
 * (boolean), and one string column per contract column. Every field is trimmed of
 * blanks ({@link FieldText#BLANKS}: space, tab, no-break and ideographic space, nothing
 * else); an empty field is absent. Output: the contract columns typed as
 * {@link TableSpec#schema()}, {@code source_line}, {@code raw}, {@code raw_base64}
 * (null when absent from the input), and for a rejected row
 * {@code reject_column} (the first failing column in contract order; null for a
 * line that could not be split and for whole-row duplicates) and {@code reject_reason} (a
 * {@link RejectReason} name); both null for an accepted row.
 *
 * <p>Rules, per column in contract order (the first failing column decides):
 * empty required field: MISSING_VALUE; resident ID failing GB 11643 (format, checksum,
 * or a birth date that is not real, before 1900 or after the run's date): BAD_ID (valid
 * ones are stored as 18 upper-case characters, 15-digit numbers upgraded); credit
 * code failing GB 32100 (alphabet, six-digit division code at characters 3–8, check
 * character): BAD_CREDIT_CODE; month not yyyyMM / yyyy-MM: BAD_MONTH; date
 * not yyyy-MM-dd: BAD_DATE; money not a decimal with at most two decimals (trailing
 * zeros after them allowed): BAD_NUMBER, below zero: NEGATIVE_AMOUNT; count not a
 * whole number: BAD_NUMBER, below zero: NEGATIVE_AMOUNT; code outside its vocabulary
 * (exact, upper-case), division not six digits, boolean not true/false/1/0/Y/N:
 * UNKNOWN_CODE; a control character ({@link FieldText#CONTROL_CHARACTER}: NUL, CR, LF
 * and the other C0/C1 controls but tab) or a damage mark ({@link FieldText#DAMAGE_MARKS}:
 * a BOM inside the text, U+2028, U+2029, U+FFFD) in a free-text field: MALFORMED_LINE on that
 * column (a field with a NUL byte is a damaged line, not a name or an account number;
 * in the other fields it fails their format: BAD_ID, BAD_CREDIT_CODE, BAD_MONTH, …).
 * Row rules: a PAID contribution without paid_on is MISSING_VALUE on paid_on; a claim
 * whose period_to is before period_from is BAD_MONTH on period_to.
 * Then, among the rows that pass, later copies of an identical row (same typed values)
 * are DUPLICATE_ROW, and so is a later claim reusing a claim_id.
 *
 * <p>claims.person_id and claims.claimant_id are free text: a valid resident ID is
 * normalised like a RESIDENT_ID column, anything else is kept as given (an invalid
 * person_id is decided later as INVALID_ID; a claimant_id may be a credit code).
 * claims.person_id is kept even with a control character in it (it is an invalid ID,
 * so the claim is decided INVALID_ID: the applicant is owed an answer);
 * claims.claimant_id with one is MALFORMED_LINE like any other free text. A free-text field
 * longer than {@link #MAX_TEXT_CHARS} characters is MALFORMED_LINE, whatever the column.
 *
 * <p>The run's date (the latest birth date a valid resident ID can carry) is given by
 * the caller: the ingest job decides it once per run.
 */
public final class RowValidation {
    public static final String LINE = "line";
    public static final String RAW = "raw";
    public static final String RAW_BASE64 = Columns.RAW_BASE64;
    public static final String MALFORMED = "malformed";
    public static final String SOURCE_LINE = "source_line";
    public static final String SOURCE_FILE = "source_file";
    public static final String REJECT_COLUMN = "reject_column";
    public static final String REJECT_REASON = "reject_reason";

    /**
     * The longest free-text field accepted (after trimming). A longer one (a 1 MB field, a line
     * that swallowed the next lines) is MALFORMED_LINE on that column, claims.person_id included.
     */
    public static final int MAX_TEXT_CHARS = 1000;

    /** Blanks trimmed from every field: space, tab, no-break space, ideographic space. */
    static final String BLANKS = FieldText.BLANKS;

    /** Columns whose value must be unique among accepted rows, per table. */
    static final Map<String, String> UNIQUE_KEYS = Map.of(Tables.CLAIMS.name(), Columns.CLAIM_ID);

    /** Free-text columns that hold a resident ID when they hold a valid one. */
    static final Map<String, List<String>> ID_LIKE_TEXT = Map.of(
            Tables.CLAIMS.name(), List.of(Columns.PERSON_ID, Columns.CLAIMANT_ID));

    /** Free-text columns kept whatever they hold (contract: an invalid claims.person_id is decided, not rejected). */
    static final Map<String, List<String>> KEPT_AS_GIVEN = Map.of(Tables.CLAIMS.name(), List.of(Columns.PERSON_ID));

    // anchored with \z, never $: Java's $ also matches before a final line terminator, so
    // "440106\u0085" (NEL), "440106\u2028" or, from Parquet, "440106\n" would pass as a division
    private static final String MONTH_DASHED = "^([0-9]{4})-([0-9]{2})\\z";
    private static final String MONTH_COMPACT = "^(19[0-9]{2}|[2-9][0-9]{3})(0[1-9]|1[0-2])\\z";
    private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}\\z";
    private static final String MONEY = "^[+-]?[0-9]+(\\.[0-9]{1,2}0*)?\\z";
    private static final String COUNT = "^[+-]?[0-9]+(\\.0+)?\\z";
    private static final String DIVISION = "^[0-9]{6}\\z";

    private static final UserDefinedFunction VALID_CREDIT_CODE = udf(
            (UDF1<String, Boolean>) s -> s != null && CreditCode.isValid(s), DataTypes.BooleanType)
            .withName("valid_credit_code");

    /** What {@link #duplicateMarks} returns: the rows that become DUPLICATE_ROW. */
    public static final StructType DUPLICATE_MARKS = new StructType()
            .add(SOURCE_LINE, DataTypes.LongType)
            .add(REJECT_COLUMN, DataTypes.StringType)
            .add(REJECT_REASON, DataTypes.StringType);

    /** Columns of {@link #repeated}. */
    public static final String CONTENT_HASH = "content_hash";
    public static final String REPEATED_KEY = "repeated_key";

    /** {@link #withRowHash}'s column. */
    private static final String ROW_HASH = "_row_hash";
    private static final String TEXT_PREFIX = "_t_";
    private static final String REASON_PREFIX = "_r_";

    private RowValidation() {}

    /** {@link #validate(TableSpec, Dataset, LocalDate)} with today ({@link ResidentId#today()}) as the run's date. */
    public static Dataset<Row> validate(TableSpec table, Dataset<Row> stringRows) {
        return validate(table, stringRows, ResidentId.today());
    }

    /**
     * Row checks, then duplicates: the whole of validation. {@code runDate} is the
     * ingest's date: a resident ID born after it is BAD_ID. The ingest job runs the same
     * steps with the small intermediate results materialised ({@link IngestJob}).
     */
    public static Dataset<Row> validate(TableSpec table, Dataset<Row> stringRows, LocalDate runDate) {
        Dataset<Row> repeated = repeated(table, stringRows);
        Dataset<Row> mayBeCopies = check(table, mayBeCopies(table, stringRows, repeated), runDate);
        return withDuplicates(check(table, stringRows, runDate), duplicateMarks(table, mayBeCopies, repeated));
    }

    /** {@link #check(TableSpec, Dataset, LocalDate)} with today ({@link ResidentId#today()}) as the run's date. */
    public static Dataset<Row> check(TableSpec table, Dataset<Row> stringRows) {
        return check(table, stringRows, ResidentId.today());
    }

    /** The per-row checks (everything but duplicates), a resident ID born after {@code runDate} failing. */
    public static Dataset<Row> check(TableSpec table, Dataset<Row> stringRows, LocalDate runDate) {
        if (runDate == null) {
            throw new IllegalArgumentException("the run's date is required");
        }
        UserDefinedFunction normaliseId = normaliseId(runDate);
        List<ColumnSpec> columns = table.columns();
        Column malformed = List.of(stringRows.columns()).contains(MALFORMED)
                ? coalesce(col(MALFORMED), lit(false)) : lit(false);
        Column rawBase64 = List.of(stringRows.columns()).contains(RAW_BASE64)
                ? col(RAW_BASE64) : lit(null).cast(DataTypes.StringType);

        // 1. trimmed text, null when empty
        List<Column> texts = new ArrayList<>(List.of(col(LINE).cast(DataTypes.LongType).as(SOURCE_LINE), col(RAW),
                rawBase64.as(RAW_BASE64), malformed.as(MALFORMED)));
        for (ColumnSpec c : columns) {
            texts.add(clean(col(c.name()).cast(DataTypes.StringType)).as(TEXT_PREFIX + c.name()));
        }
        // 2. typed values: null when the text is absent or cannot be read
        List<Column> typed = new ArrayList<>(List.of(col(SOURCE_LINE), col(RAW), col(RAW_BASE64), col(MALFORMED)));
        for (ColumnSpec c : columns) {
            typed.add(col(TEXT_PREFIX + c.name()));
            typed.add(typed(table, c, col(TEXT_PREFIX + c.name()), normaliseId).as(c.name()));
        }
        // 3. each column's failure, if any
        List<Column> failures = new ArrayList<>(
                List.of(col(SOURCE_LINE), col(RAW), col(RAW_BASE64), col(MALFORMED)));
        for (ColumnSpec c : columns) {
            failures.add(col(c.name()));
            failures.add(failure(table, c).as(REASON_PREFIX + c.name()));
        }
        // 4. the first failing column in contract order
        List<Column> out = new ArrayList<>();
        columns.forEach(c -> out.add(col(c.name()).cast(c.kind().sparkType())));
        out.add(col(SOURCE_LINE));
        out.add(col(RAW));
        out.add(col(RAW_BASE64));
        Column[] failingName = columns.stream()
                .map(c -> when(col(REASON_PREFIX + c.name()).isNotNull(), lit(c.name()))).toArray(Column[]::new);
        Column[] failingReason = columns.stream().map(c -> col(REASON_PREFIX + c.name())).toArray(Column[]::new);
        out.add(when(col(MALFORMED), lit(null).cast(DataTypes.StringType))
                .otherwise(coalesce(failingName)).as(REJECT_COLUMN));
        out.add(when(col(MALFORMED), lit(RejectReason.MALFORMED_LINE.name()))
                .otherwise(coalesce(failingReason)).as(REJECT_REASON));
        return stringRows
                .select(texts.toArray(Column[]::new))
                .select(typed.toArray(Column[]::new))
                .select(failures.toArray(Column[]::new))
                .select(out.toArray(Column[]::new));
    }

    /**
     * What may repeat: the hashes ({@value #CONTENT_HASH}) of {@link #sameRowKey} held by
     * more than one row, and for a table with a unique key the keys held by more than one
     * row (as {@value #REPEATED_KEY}). Read from the string rows, before any check: two rows
     * equal after typing always share both, so every DUPLICATE_ROW is among the rows they
     * point at. Usually empty; finding it reads a few columns and moves 8 bytes per row, so a
     * province's contributions are neither checked twice nor shuffled whole.
     */
    public static Dataset<Row> repeated(TableSpec table, Dataset<Row> stringRows) {
        Dataset<Row> hashes = stringRows.groupBy(rowHash(table, stringRows)
                        .as(CONTENT_HASH)).count()
                .filter(col("count").gt(1))
                .select(col(CONTENT_HASH), lit(null).cast(DataTypes.StringType).as(REPEATED_KEY));
        String key = UNIQUE_KEYS.get(table.name());
        if (key == null) {
            return hashes;
        }
        return hashes.unionByName(stringRows.groupBy(clean(col(key).cast(DataTypes.StringType)).as(REPEATED_KEY))
                .count().filter(col("count").gt(1).and(col(REPEATED_KEY).isNotNull()))
                .select(lit(null).cast(DataTypes.LongType).as(CONTENT_HASH), col(REPEATED_KEY)));
    }

    /**
     * The rows that become DUPLICATE_ROW ({@code source_line}, {@code reject_column},
     * {@code reject_reason}): among the rows that passed {@link #check}, a later copy (by
     * source_line) of a row with the same typed values; then, for tables with a unique
     * key (claims.claim_id), a later row reusing the key. Only the rows {@code repeated}
     * ({@link #repeated}) points at are compared, value by value: a hash collision costs
     * a comparison, never a wrong reject.
     */
    /**
     * String rows with their {@link #sameRowKey} as a column, for rows kept to be read several
     * times (a CSV file's split lines): {@link #repeated} and {@link #mayBeCopies} then read it
     * instead of hashing every row again.
     */
    public static Dataset<Row> withRowHash(TableSpec table, Dataset<Row> stringRows) {
        return stringRows.withColumn(ROW_HASH, sameRowKey(table));
    }

    private static Column rowHash(TableSpec table, Dataset<Row> stringRows) {
        return List.of(stringRows.columns()).contains(ROW_HASH) ? col(ROW_HASH) : sameRowKey(table);
    }

    /**
     * The string rows {@link #duplicateMarks} may mark: those whose {@link #sameRowKey} (or unique
     * key) is among {@code repeated}. Checking these alone finds the same copies as checking the
     * whole file (a passing row's hash from its text equals the hash of its typed values), so a
     * file's rows are checked once, for the bronze write, and not also to look for copies.
     */
    public static Dataset<Row> mayBeCopies(TableSpec table, Dataset<Row> stringRows, Dataset<Row> repeated) {
        Dataset<Row> byContent = stringRows.join(repeated.select(CONTENT_HASH).filter(col(CONTENT_HASH).isNotNull()),
                rowHash(table, stringRows).equalTo(col(CONTENT_HASH)), "left_semi");
        String key = UNIQUE_KEYS.get(table.name());
        if (key == null) {
            return byContent;
        }
        return byContent.unionByName(stringRows.join(repeated.select(REPEATED_KEY).filter(col(REPEATED_KEY).isNotNull()),
                clean(col(key).cast(DataTypes.StringType)).equalTo(col(REPEATED_KEY)), "left_semi"))
                .dropDuplicates(LINE);
    }

    public static Dataset<Row> duplicateMarks(TableSpec table, Dataset<Row> checked, Dataset<Row> repeated) {
        Dataset<Row> passing = checked.filter(col(REJECT_REASON).isNull());
        Dataset<Row> candidates = passing.join(repeated.select(CONTENT_HASH).filter(col(CONTENT_HASH).isNotNull()),
                sameRowKey(table).equalTo(col(CONTENT_HASH)), "left_semi");
        String key = UNIQUE_KEYS.get(table.name());
        if (key != null) {
            candidates = candidates.unionByName(passing.join(
                    repeated.select(REPEATED_KEY).filter(col(REPEATED_KEY).isNotNull()),
                    col(key).equalTo(col(REPEATED_KEY)), "left_semi")).dropDuplicates(SOURCE_LINE);
        }
        String copy = "_copy";
        List<Column> content = new ArrayList<>();
        table.columnNames().forEach(c -> content.add(col(c)));
        Dataset<Row> marked = candidates
                .withColumn(copy, row_number().over(
                        Window.partitionBy(content.toArray(Column[]::new)).orderBy(col(SOURCE_LINE))))
                .withColumn(REJECT_REASON, when(col(copy).gt(1), lit(RejectReason.DUPLICATE_ROW.name())));
        if (key != null) {
            Column keyDuplicate = col(REJECT_REASON).isNull().and(col(copy).gt(1));
            marked = marked
                    .withColumn(copy, row_number().over(Window.partitionBy(col(REJECT_REASON).isNull(), col(key))
                            .orderBy(col(SOURCE_LINE))))
                    .withColumn(REJECT_COLUMN, when(keyDuplicate, lit(key)).otherwise(col(REJECT_COLUMN)))
                    .withColumn(REJECT_REASON, when(keyDuplicate, lit(RejectReason.DUPLICATE_ROW.name()))
                            .otherwise(col(REJECT_REASON)));
        }
        return marked.filter(col(REJECT_REASON).isNotNull())
                .select(col(SOURCE_LINE), col(REJECT_COLUMN), col(REJECT_REASON));
    }

    /** {@code checked} with the {@link #duplicateMarks} applied: the validated rows. */
    public static Dataset<Row> withDuplicates(Dataset<Row> checked, Dataset<Row> marks) {
        String markColumn = "_dup_column";
        String markReason = "_dup_reason";
        Dataset<Row> m = marks.select(col(SOURCE_LINE), col(REJECT_COLUMN).as(markColumn),
                col(REJECT_REASON).as(markReason));
        List<Column> out = new ArrayList<>();
        for (String c : checked.columns()) {
            if (c.equals(REJECT_COLUMN)) {
                out.add(when(col(markReason).isNotNull(), col(markColumn)).otherwise(col(REJECT_COLUMN)).as(c));
            } else if (c.equals(REJECT_REASON)) {
                out.add(coalesce(col(markReason), col(REJECT_REASON)).as(c));
            } else {
                out.add(col(c));
            }
        }
        return checked.join(m, new String[] {SOURCE_LINE}, "left").select(out.toArray(Column[]::new));
    }

    /**
     * A hash two rows share whenever they are equal after typing, computed alike from a
     * row's text as read and from its typed values (as text): per column, the part of its text that
     * typing keeps. Trimmed; a resident ID upper-cased and without
     * its century and check character (so the 15- and 18-digit forms of one number agree);
     * a month without its dash (202304 and 2023-04). Money, counts and booleans, whose texts
     * differ for one value (5000 and 5000.00), are left out: they only make more rows share.
     */
    static Column sameRowKey(TableSpec table) {
        List<Column> parts = new ArrayList<>();
        for (ColumnSpec c : table.columns()) {
            Column t = clean(col(c.name()).cast(DataTypes.StringType));
            boolean idLike = c.kind() == ColumnKind.RESIDENT_ID
                    || ID_LIKE_TEXT.getOrDefault(table.name(), List.of()).contains(c.name());
            if (idLike) {
                Column id = upper(t);
                parts.add(when(length(id).equalTo(18), concat(substring(id, 1, 6), substring(id, 9, 9))).otherwise(id));
            } else if (c.kind() == ColumnKind.MONTH) {
                parts.add(translate(t, "-", ""));
            } else if (c.kind() != ColumnKind.MONEY && c.kind() != ColumnKind.COUNT && c.kind() != ColumnKind.BOOLEAN) {
                parts.add(t); // codes and credit codes pass only as written (upper case): the trimmed text is the value
            }
        }
        return xxhash64(parts.toArray(Column[]::new));
    }

    /** Accepted rows as the bronze table stores them: contract columns typed, then source_line. */
    public static Dataset<Row> accepted(TableSpec table, String file, Dataset<Row> validated) {
        List<Column> out = new ArrayList<>();
        table.columns().forEach(c -> out.add(col(c.name()).cast(c.kind().sparkType())));
        out.add(col(SOURCE_LINE));
        // which delivery the row came in: a snapshot's file, or an increment's folder/file
        out.add(lit(file).as(SOURCE_FILE));
        return validated.filter(col(REJECT_REASON).isNull()).select(out.toArray(Column[]::new));
    }

    /** Rejected rows in the rejects layout (table, file, line, column, reason, raw, raw_base64). */
    public static Dataset<Row> rejects(String table, String file, Dataset<Row> validated) {
        return validated.filter(col(REJECT_REASON).isNotNull()).select(
                lit(table).as(Columns.TABLE),
                lit(file).as(Columns.FILE),
                col(SOURCE_LINE).as(Columns.LINE),
                col(REJECT_COLUMN).as(Columns.COLUMN),
                col(REJECT_REASON).as(Columns.REASON),
                col(RAW).as(Columns.RAW),
                col(RAW_BASE64).as(Columns.RAW_BASE64));
    }

    /** Trimmed (blanks at both ends, control characters kept), null when nothing is left. */
    static Column clean(Column text) {
        Column t = btrim(text, lit(BLANKS));
        return when(length(t).gt(0), t);
    }

    /** The 18-character form of a resident ID valid on {@code runDate}, else null. */
    private static UserDefinedFunction normaliseId(LocalDate runDate) {
        return udf((UDF1<String, String>) s -> ResidentId.normalise(s, runDate).orElse(null), DataTypes.StringType)
                .withName("normalise_resident_id");
    }

    private static Column typed(TableSpec table, ColumnSpec c, Column t, UserDefinedFunction normaliseId) {
        return switch (c.kind()) {
            case TEXT -> ID_LIKE_TEXT.getOrDefault(table.name(), List.of()).contains(c.name())
                    ? coalesce(normaliseId.apply(t), t) : t;
            case RESIDENT_ID -> normaliseId.apply(t);
            case CREDIT_CODE -> when(VALID_CREDIT_CODE.apply(t), t);
            case CODE -> when(t.isin(c.codes().toArray()), t);
            case DIVISION -> when(t.rlike(DIVISION), t);
            case MONTH -> {
                Column compact = regexp_replace(t, MONTH_DASHED, "$1$2");
                yield when(compact.rlike(MONTH_COMPACT), compact.try_cast(DataTypes.IntegerType));
            }
            case DATE -> when(t.rlike(DATE), t.try_cast(DataTypes.DateType));
            case MONEY -> when(t.rlike(MONEY), t.try_cast(Money.TYPE));
            case COUNT -> when(t.rlike(COUNT), regexp_replace(t, "\\.0+\\z", "").try_cast(DataTypes.IntegerType));
            case BOOLEAN -> when(upper(t).isin("TRUE", "1", "Y"), lit(true))
                    .when(upper(t).isin("FALSE", "0", "N"), lit(false));
        };
    }

    /** The column's reject reason (null when it passes); reads the text and typed columns. */
    private static Column failure(TableSpec table, ColumnSpec c) {
        Column t = col(TEXT_PREFIX + c.name());
        Column v = col(c.name());
        // CASE WHEN ... in this order; a branch is only added when it can apply
        Column reason = when(lit(c.required()).and(t.isNull()), lit(RejectReason.MISSING_VALUE.name()));
        if (c.kind().rejectCode() != null) {
            reason = reason.when(t.isNotNull().and(v.isNull()), lit(c.kind().rejectCode()));
        }
        // free text takes anything but a control character or a damage mark (a BOM, U+2028/2029,
        // U+FFFD); the typed kinds fail on one by their format
        if (c.kind() == ColumnKind.TEXT && !KEPT_AS_GIVEN.getOrDefault(table.name(), List.of()).contains(c.name())) {
            reason = reason.when(t.rlike(FieldText.NOT_TEXT), lit(RejectReason.MALFORMED_LINE.name()));
        }
        // no contract field is that long (names, card numbers, accounts, ids): a damaged or hostile line
        if (c.kind() == ColumnKind.TEXT) {
            reason = reason.when(length(t).gt(MAX_TEXT_CHARS), lit(RejectReason.MALFORMED_LINE.name()));
        }
        if (c.kind() == ColumnKind.MONEY || c.kind() == ColumnKind.COUNT) {
            reason = reason.when(v.lt(0), lit(RejectReason.NEGATIVE_AMOUNT.name()));
        }
        Optional<RowRule> rule = rowRule(table, c);
        if (rule.isPresent()) {
            reason = reason.when(rule.get().fails(), lit(rule.get().reason().name()));
        }
        return reason;
    }

    /** A check that involves other columns of the row, reported on one column. */
    private record RowRule(Column fails, RejectReason reason) {}

    private static Optional<RowRule> rowRule(TableSpec table, ColumnSpec c) {
        if (table.name().equals(Tables.CONTRIBUTIONS.name()) && c.name().equals(Columns.PAID_ON)) {
            Column paidWithoutDate = col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID)
                    .and(col(TEXT_PREFIX + Columns.PAID_ON).isNull());
            return Optional.of(new RowRule(paidWithoutDate, RejectReason.MISSING_VALUE));
        }
        if (table.name().equals(Tables.CLAIMS.name()) && c.name().equals(Columns.PERIOD_TO)) {
            Column backwards = col(Columns.PERIOD_TO).lt(col(Columns.PERIOD_FROM));
            return Optional.of(new RowRule(backwards, RejectReason.BAD_MONTH));
        }
        return Optional.empty();
    }
}
