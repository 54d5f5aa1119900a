package wengang.ingest;

/** How an input table arrived (the {@code format} column of ingest_runs). */
public enum InputFormat {
    /** {@code <table>.csv} in the input folder. */
    CSV("csv"),
    /** {@code <table>.parquet}, a file or a folder of part files. */
    PARQUET("parquet"),
    /** A Delta table folder {@code <table>/} (holds {@code _delta_log}). */
    DELTA("delta"),
    /** Absent from the folder; the default file under conf/reference/ was read instead (quotas). */
    DEFAULT("default"),
    /** Absent from the folder and optional: the table is empty in this snapshot (claims). */
    NONE("none");

    private final String label;

    InputFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the content is CSV text (read with a charset). */
    public boolean isText() {
        return this == CSV || this == DEFAULT;
    }
}
