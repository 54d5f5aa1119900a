package wengang.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code wengang sql} is for reading: the ledger and every decision table must not be
 * changed from a query prompt (a DELETE on the ledger would make the next cycle pay
 * again). A statement is accepted when it starts with a query keyword and its parsed
 * plan holds no command or insert anywhere; SHOW, DESCRIBE and EXPLAIN are read-only
 * commands and allowed as the whole statement. It is checked before anything runs.
 */
final class ReadOnlySql {
    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "FROM");
    private static final Set<String> READ_COMMAND_WORDS = Set.of("SHOW", "DESCRIBE", "DESC", "EXPLAIN");
    private static final Pattern FIRST_WORD = Pattern.compile("^[\\s(]*([A-Za-z]+)");

    private ReadOnlySql() {}

    /** Throws IllegalArgumentException (one clear line, exit 2) unless {@code sql} only reads. */
    static void require(SparkSession spark, String sql) {
        String word = firstWord(sql);
        boolean query = QUERY_WORDS.contains(word);
        if (!query && !READ_COMMAND_WORDS.contains(word)) {
            throw refused(sql);
        }
        LogicalPlan plan;
        try {
            plan = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            throw new IllegalArgumentException("sql: cannot parse `" + shortened(sql) + "`: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (query ? writes(plan) : !isReadCommand(plan)) {
            throw refused(sql);
        }
    }

    static String firstWord(String sql) {
        String s = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--.*$", " ");
        Matcher m = FIRST_WORD.matcher(s);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    }

    /** Whether any node of the plan (CTE definitions included) is a command or an insert. */
    private static boolean writes(LogicalPlan root) {
        Deque<QueryPlan<?>> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            QueryPlan<?> p = todo.pop();
            if (p instanceof Command || p instanceof ParsedStatement) {
                return true;
            }
            CollectionConverters.asJava(p.children()).forEach(c -> todo.push((QueryPlan<?>) c));
            CollectionConverters.asJava(p.innerChildren()).forEach(todo::push);
        }
        return false;
    }

    private static boolean isReadCommand(LogicalPlan plan) {
        String name = plan.getClass().getSimpleName();
        return name.startsWith("Show") || name.startsWith("Describe") || name.equals("ExplainCommand");
    }

    private static IllegalArgumentException refused(String sql) {
        return new IllegalArgumentException("sql is read-only (queries, SHOW, DESCRIBE, EXPLAIN): refused `"
                + shortened(sql) + "`; the warehouse is changed only by ingest, run, verify and flags review");
    }

    private static String shortened(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }
}
