package wengang.report;

import java.nio.file.Path;
import wengang.engine.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The HTML page of a run notebook: each cell's Markdown, SQL, result table and chart (ECharts, inlined). */
public final class NotebookPage {
    private NotebookPage() {}

    /** A cell with its result: columns, rows as shown (text) and as values (for the chart). */
    public record Result(Notebook.Cell cell, List<String> columns, List<List<String>> shown, List<Map<String, Object>> values,
                         long rows) {}

    public static Result result(Notebook.Cell cell, Dataset<Row> df, int maxRows) {
        if (df == null || df.columns().length == 0) {
            return new Result(cell, List.of(), List.of(), List.of(), 0);
        }
        List<String> columns = List.of(df.columns());
        List<List<String>> shown = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        for (Row r : df.limit(maxRows).collectAsList()) {
            List<String> cells = new ArrayList<>();
            Map<String, Object> v = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object x = r.get(i);
                cells.add(ReportFormat.cell(columns.get(i), x));
                v.put(columns.get(i), x instanceof java.math.BigDecimal d ? d.doubleValue() : x);
            }
            shown.add(cells);
            values.add(v);
        }
        return new Result(cell, columns, shown, values, shown.size());
    }

    public static void write(String name, Map<String, Object> parameters, List<Result> results, Location file) {
        List<Map<String, Object>> cells = new ArrayList<>();
        List<Map<String, Object>> charts = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("markdown", r.cell().markdown() ? markdown(r.cell().text()) : "");
            c.put("sql", r.cell().markdown() ? "" : r.cell().text());
            c.put("columns", r.columns());
            c.put("rows", r.shown());
            c.put("chartId", "");
            if (r.cell().chart() != null && !r.values().isEmpty()) {
                String id = "chart-" + i;
                c.put("chartId", id);
                Notebook.Chart ch = r.cell().chart();
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("id", id);
                spec.put("type", ch.type());
                spec.put("x", ch.x());
                spec.put("y", ch.y());
                spec.put("series", ch.series());
                spec.put("rows", r.values());
                charts.add(spec);
            }
            cells.add(c);
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("name", name);
        ctx.put("parameters", parameters.toString());
        ctx.put("cells", cells);
        ctx.put("charts", AnalystReport.scriptSafe(AnalystReport.json(charts)));
        ctx.put("echarts", AnalystReport.scriptSafe(AnalystReport.echarts()));
        AnalystReport.render("wengang/report/notebook.peb", ctx, file);
    }

    /** The little Markdown the notebooks use: headings, bullet lists, paragraphs; text escaped. */
    static String markdown(String md) {
        StringBuilder b = new StringBuilder();
        boolean list = false;
        for (String line : md.split("\n")) {
            String t = escape(line.strip());
            if (t.startsWith("- ")) {
                if (!list) {
                    b.append("<ul>");
                    list = true;
                }
                b.append("<li>").append(t.substring(2)).append("</li>");
                continue;
            }
            if (list) {
                b.append("</ul>");
                list = false;
            }
            if (t.startsWith("#")) {
                int level = Math.min(6, (int) t.chars().takeWhile(ch -> ch == '#').count());
                b.append("<h").append(level).append('>').append(t.replaceFirst("^#+\\s*", "")).append("</h").append(level).append('>');
            } else if (!t.isEmpty()) {
                b.append("<p>").append(t).append("</p>");
            }
        }
        if (list) {
            b.append("</ul>");
        }
        return b.toString().replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
