package wengang.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Figures of one cycle run read from Spark's own event log (written by Spark's
 * EventLoggingListener when the run is started with {@code spark.eventLog.enabled=true}):
 * jobs, SQL executions, shuffle bytes, spill, and, in the final (adaptive) physical plan of
 * every SQL execution, the Exchange nodes over the bronze contributions table and the scans
 * of it. Nothing is counted by hand and the job is not changed.
 *
 * <p>Contribution rows are read from the table's data files (a scan under
 * {@code bronze/contributions}, its {@code _delta_log} files counted apart) or from a local
 * checkpoint holding them (Scan ExistingRDD whose output has insurance_type, personal_amount
 * and pay_status: the cycle's narrowed contributions). An Exchange is over contribution rows
 * when such a scan is below it with no other Exchange in between; fact_table_exchanges counts
 * them (shuffles and broadcasts, over the table and over its checkpoints). Reused exchanges
 * are not counted.
 *
 * <pre>EventLogStats --eventlog DIR [--table-path-part /bronze/contributions] [--json FILE]</pre>
 */
public final class EventLogStats {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQL_START = "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart";
    private static final String SQL_UPDATE = "org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate";

    private EventLogStats() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Args.parse(args);
        ObjectNode stats = of(Path.of(Args.required(a, "eventlog")), a.getOrDefault("table-path-part", "/bronze/contributions"));
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stats);
        Args.writeJson(a.get("json"), json);
        System.out.println(json);
    }

    static ObjectNode of(Path eventLogDir, String tablePart) throws IOException {
        long jobs = 0;
        long stages = 0;
        long tasks = 0;
        long shuffleWrite = 0;
        long shuffleRead = 0;
        long memorySpill = 0;
        long diskSpill = 0;
        Map<Long, JsonNode> finalPlans = new TreeMap<>();
        List<Path> files;
        // Spark 4 writes rolling event logs by default: eventlog_v2_<app>/events_<n>_<app>[.zstd|...]
        try (Stream<Path> s = Files.walk(eventLogDir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("appstatus_") && !p.getFileName().toString().startsWith("."))
                    .sorted(java.util.Comparator.comparingLong(EventLogStats::rollingIndex).thenComparing(Path::toString))
                    .toList();
        }
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode e = JSON.readTree(line);
                    String event = e.path("Event").asText();
                    switch (event) {
                        case "SparkListenerJobStart" -> jobs++;
                        case "SparkListenerStageCompleted" -> stages++;
                        case "SparkListenerTaskEnd" -> {
                            tasks++;
                            JsonNode m = e.path("Task Metrics");
                            shuffleWrite += m.path("Shuffle Write Metrics").path("Shuffle Bytes Written").asLong();
                            JsonNode read = m.path("Shuffle Read Metrics");
                            shuffleRead += read.path("Remote Bytes Read").asLong() + read.path("Local Bytes Read").asLong();
                            memorySpill += m.path("Memory Bytes Spilled").asLong();
                            diskSpill += m.path("Disk Bytes Spilled").asLong();
                        }
                        case SQL_START, SQL_UPDATE -> finalPlans.put(e.path("executionId").asLong(), e.path("sparkPlanInfo"));
                        default -> { }
                    }
                }
            }
        }
        long[] total = new long[Count.values().length];
        long executionsReading = 0;
        for (JsonNode plan : finalPlans.values()) {
            long[] c = new long[Count.values().length];
            walk(plan, tablePart, c);
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
            if (c[Count.TABLE_SCANS.ordinal()] + c[Count.CHECKPOINT_SCANS.ordinal()] > 0) {
                executionsReading++;
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("event_log_files", files.size());
        out.put("spark_jobs", jobs);
        out.put("stages", stages);
        out.put("tasks", tasks);
        out.put("sql_executions", finalPlans.size());
        out.put("shuffle_write_bytes", shuffleWrite);
        out.put("shuffle_read_bytes", shuffleRead);
        out.put("memory_spill_bytes", memorySpill);
        out.put("disk_spill_bytes", diskSpill);
        for (Count k : Count.values()) {
            out.put(k.key, total[k.ordinal()]);
        }
        out.put("executions_reading_contribution_rows", executionsReading);
        out.put("fact_table_exchanges", total[Count.TABLE_SHUFFLES.ordinal()] + total[Count.TABLE_BROADCASTS.ordinal()]
                + total[Count.CHECKPOINT_SHUFFLES.ordinal()] + total[Count.CHECKPOINT_BROADCASTS.ordinal()]);
        return out;
    }

    private static long rollingIndex(Path p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^events_(\\d+)_").matcher(p.getFileName().toString());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** What {@link #walk} counts in one plan. */
    enum Count {
        /** scans of the table's data files (its Delta log's files are LOG_SCANS) */
        TABLE_SCANS("contribution_scans"),
        LOG_SCANS("contribution_log_scans"),
        /** scans of a local checkpoint holding contribution rows (the cycle's narrowed contributions) */
        CHECKPOINT_SCANS("contribution_checkpoint_scans"),
        TABLE_SHUFFLES("exchanges_over_contribution_scans"),
        TABLE_BROADCASTS("broadcasts_over_contribution_scans"),
        CHECKPOINT_SHUFFLES("exchanges_over_contribution_checkpoints"),
        CHECKPOINT_BROADCASTS("broadcasts_over_contribution_checkpoints");

        final String key;

        Count(String key) {
            this.key = key;
        }
    }

    private static final int TABLE = 1;
    private static final int CHECKPOINT = 2;

    /**
     * Walks a plan node, counting into c (indexed by {@link Count}). Returns which kinds of
     * contribution rows (TABLE, CHECKPOINT bits) are read below this node with no exchange in between.
     */
    private static int walk(JsonNode node, String tablePart, long[] c) {
        String name = node.path("nodeName").asText();
        if (name.startsWith("ReusedExchange")) {
            return 0;
        }
        int below = 0;
        for (JsonNode child : node.path("children")) {
            below |= walk(child, tablePart, c);
        }
        String location = location(node, tablePart);
        if (location != null) {
            if (location.contains("_delta_log")) {
                c[Count.LOG_SCANS.ordinal()]++;
                return below;
            }
            c[Count.TABLE_SCANS.ordinal()]++;
            return below | TABLE;
        }
        if (name.contains("ExistingRDD") && holdsContributionRows(node.path("simpleString").asText())) {
            c[Count.CHECKPOINT_SCANS.ordinal()]++;
            return below | CHECKPOINT;
        }
        boolean shuffle = name.equals("Exchange") || name.startsWith("ShuffleExchange");
        boolean broadcast = name.startsWith("BroadcastExchange");
        if (shuffle || broadcast) {
            if ((below & TABLE) != 0) {
                c[(shuffle ? Count.TABLE_SHUFFLES : Count.TABLE_BROADCASTS).ordinal()]++;
            }
            if ((below & CHECKPOINT) != 0) {
                c[(shuffle ? Count.CHECKPOINT_SHUFFLES : Count.CHECKPOINT_BROADCASTS).ordinal()]++;
            }
            return 0;
        }
        return below;
    }

    /** A checkpoint's output holds contribution rows when it has their typical columns. */
    private static boolean holdsContributionRows(String simpleString) {
        return simpleString.contains("insurance_type#") && simpleString.contains("personal_amount#")
                && simpleString.contains("pay_status#");
    }

    /** The scan's location when it reads under the table's path, else null. */
    private static String location(JsonNode node, String tablePart) {
        if (!node.path("nodeName").asText().contains("Scan")) {
            return null;
        }
        String loc = node.path("metadata").path("Location").asText("");
        if (loc.contains(tablePart)) {
            return loc;
        }
        String simple = node.path("simpleString").asText();
        return simple.contains(tablePart) ? simple : null;
    }

}
