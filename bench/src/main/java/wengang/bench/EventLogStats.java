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
 * <p>An Exchange is "over the contributions table" when a scan of {@code bronze/contributions}
 * is below it with no other Exchange in between (the shuffles of the table's own rows). Plans
 * that start from a local checkpoint (Scan ExistingRDD) no longer show the table: shuffles of
 * checkpointed data derived from it are not counted. Reused exchanges are not counted.
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
        long shuffleExchanges = 0;
        long broadcastExchanges = 0;
        long scans = 0;
        long executionsReading = 0;
        for (JsonNode plan : finalPlans.values()) {
            long[] c = new long[3];
            walk(plan, tablePart, c);
            shuffleExchanges += c[0];
            broadcastExchanges += c[1];
            scans += c[2];
            if (c[2] > 0) {
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
        out.put("contribution_scans", scans);
        out.put("executions_scanning_contributions", executionsReading);
        out.put("contribution_shuffle_exchanges", shuffleExchanges);
        out.put("contribution_broadcast_exchanges", broadcastExchanges);
        out.put("fact_table_exchanges", shuffleExchanges + broadcastExchanges);
        return out;
    }

    private static long rollingIndex(Path p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^events_(\\d+)_").matcher(p.getFileName().toString());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * Walks a plan node. c[0] += shuffle exchanges, c[1] += broadcast exchanges directly over a
     * scan of the table, c[2] += scans of the table. Returns whether a scan of the table is below
     * this node with no exchange in between.
     */
    private static boolean walk(JsonNode node, String tablePart, long[] c) {
        String name = node.path("nodeName").asText();
        if (name.startsWith("ReusedExchange")) {
            return false;
        }
        boolean below = false;
        for (JsonNode child : node.path("children")) {
            below |= walk(child, tablePart, c);
        }
        if (isScanOf(node, tablePart)) {
            c[2]++;
            return true;
        }
        if (name.equals("Exchange") || name.startsWith("ShuffleExchange")) {
            if (below) {
                c[0]++;
            }
            return false;
        }
        if (name.startsWith("BroadcastExchange")) {
            if (below) {
                c[1]++;
            }
            return false;
        }
        return below;
    }

    private static boolean isScanOf(JsonNode node, String tablePart) {
        String name = node.path("nodeName").asText();
        if (!name.contains("Scan")) {
            return false;
        }
        if (node.path("simpleString").asText().contains(tablePart)) {
            return true;
        }
        for (JsonNode v : node.path("metadata")) {
            if (v.asText().contains(tablePart)) {
                return true;
            }
        }
        return false;
    }
}
