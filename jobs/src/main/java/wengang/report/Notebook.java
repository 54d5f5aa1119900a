package wengang.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An analyst notebook in the Databricks source format: first line {@code -- Databricks notebook
 * source}, cells split by {@code -- COMMAND ----------}, Markdown cells as {@code -- MAGIC %md}
 * lines, widgets declared by {@code CREATE WIDGET TEXT name DEFAULT 'value'} (bound to the SQL's
 * {@code :name} parameter markers). A SQL cell asks for a chart with a comment line
 * {@code -- chart: bar|line|stacked x=COLUMN y=COLUMN[,COLUMN] [series=COLUMN]}.
 */
public record Notebook(List<Cell> cells, Map<String, String> widgets) {
    public static final String FIRST_LINE = "-- Databricks notebook source";
    public static final String SEPARATOR = "-- COMMAND ----------";
    private static final Pattern WIDGET = Pattern.compile(
            "(?is)^\\s*CREATE\\s+WIDGET\\s+TEXT\\s+(\\w+)\\s+DEFAULT\\s+['\"]([^'\"]*)['\"]\\s*;?\\s*$");
    private static final Pattern CHART = Pattern.compile(
            "^--\\s*chart:\\s*(bar|line|stacked)\\s+x=(\\w+)\\s+y=([\\w,]+)(?:\\s+series=(\\w+))?\\s*$");

    /** A chart a cell asks for. */
    public record Chart(String type, String x, List<String> y, String series) {}

    /** One cell: Markdown text, or SQL statements (comments kept for display) and its chart, if any. */
    public record Cell(boolean markdown, String text, Chart chart) {
        /** The statements of a SQL cell, comment lines left out, split on ';'. */
        public List<String> statements() {
            StringBuilder b = new StringBuilder();
            text.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> b.append(l).append('\n'));
            List<String> out = new ArrayList<>();
            for (String s : b.toString().split(";")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
    }

    /**
     * {@code sql} with each {@code :name} parameter marker of {@code args} replaced by the value as
     * a SQL string literal (Databricks binds widgets the same way; Spark's own named parameters are
     * not bound inside scalar subqueries, which the notebooks use to default to the latest cycle).
     */
    public static String bind(String sql, Map<String, ?> args) {
        String out = sql;
        for (Map.Entry<String, ?> a : args.entrySet()) {
            String literal = "'" + String.valueOf(a.getValue()).replace("\\", "\\\\").replace("'", "\\'") + "'";
            out = out.replaceAll("(?<![:\\w]):" + Pattern.quote(a.getKey()) + "\\b", Matcher.quoteReplacement(literal));
        }
        return out;
    }

    public static Notebook parse(String source) {
        String text = source.replace("\r\n", "\n");
        if (!text.startsWith(FIRST_LINE)) {
            throw new IllegalArgumentException("not a Databricks notebook: the first line must be '" + FIRST_LINE + "'");
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, String> widgets = new LinkedHashMap<>();
        for (String raw : text.substring(FIRST_LINE.length()).split("\n" + Pattern.quote(SEPARATOR) + "\n?")) {
            String cell = raw.strip();
            if (cell.isEmpty()) {
                continue;
            }
            List<String> lines = cell.lines().toList();
            if (lines.get(0).startsWith("-- MAGIC %md")) {
                StringBuilder md = new StringBuilder();
                for (String l : lines) {
                    md.append(l.replaceFirst("^-- MAGIC ?", "").replaceFirst("^%md ?", "")).append('\n');
                }
                cells.add(new Cell(true, md.toString().strip(), null));
                continue;
            }
            Matcher w = WIDGET.matcher(cell);
            if (w.matches()) {
                widgets.put(w.group(1), w.group(2));
                continue;
            }
            Chart chart = null;
            for (String l : lines) {
                Matcher c = CHART.matcher(l.strip());
                if (c.matches()) {
                    chart = new Chart(c.group(1), c.group(2), List.of(c.group(3).split(",")), c.group(4));
                }
            }
            cells.add(new Cell(false, cell, chart));
        }
        return new Notebook(List.copyOf(cells), Map.copyOf(widgets));
    }
}
