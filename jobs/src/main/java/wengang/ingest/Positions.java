package wengang.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

/**
 * 1-based positions for the elements of an RDD in partition order (what
 * {@code zipWithIndex} does), with a count taken in the same pass: one job counts
 * every partition, the numbering itself is lazy. The count is independent of
 * everything done to the rows afterwards, which is what makes rows read = accepted +
 * rejected a real check.
 */
final class Positions {
    private Positions() {}

    /** The numbered elements and how many of them {@code counted} accepts. */
    record Numbered<T>(JavaRDD<Tuple2<T, Long>> rows, long counted) {}

    static <T> Numbered<T> number(JavaRDD<T> rdd, Function<T, Boolean> counted) {
        List<long[]> perPartition = rdd.mapPartitionsWithIndex((index, it) -> {
            long all = 0;
            long kept = 0;
            while (it.hasNext()) {
                if (counted.call(it.next())) {
                    kept++;
                }
                all++;
            }
            List<long[]> one = new ArrayList<>();
            one.add(new long[] {index, all, kept});
            return one.iterator();
        }, true).collect();
        long[] offsets = new long[rdd.getNumPartitions()];
        long total = 0;
        long kept = 0;
        for (long[] p : perPartition.stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList()) {
            offsets[(int) p[0]] = total;
            total += p[1];
            kept += p[2];
        }
        JavaRDD<Tuple2<T, Long>> numbered = rdd.mapPartitionsWithIndex(
                (index, it) -> numbered(it, offsets[index] + 1), true);
        return new Numbered<>(numbered, kept);
    }

    private static <T> Iterator<Tuple2<T, Long>> numbered(Iterator<T> it, long first) {
        return new Iterator<>() {
            long next = first;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Tuple2<T, Long> next() {
                return new Tuple2<>(it.next(), next++);
            }
        };
    }
}
