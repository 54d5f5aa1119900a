package wengang.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.Fixture;
import wengang.testing.InputFolder;
import wengang.testing.TestSpark;

/**
 * The README's cluster section, run for real: a Spark standalone cluster (a Master and two
 * Workers, separate JVMs, two executors) and an HDFS (MiniDFSCluster, the Hadoop version of
 * Spark's client), the input, warehouse and outputs all at {@code hdfs://localhost:<port>/...},
 * two chained cycles submitted with Spark's own {@code SparkSubmit} and the spark-submit entry
 * point. Every output file of both cycles is byte-identical to the same two cycles run
 * embedded on a local folder.
 */
class ClusterCycleTest {
    private static final List<String> CYCLES = List.of("2024-01", "2024-04");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void twoCyclesOnAStandaloneClusterAndHdfsWriteTheBytesOfALocalRun() throws Exception {
        Path input = InputFolder.write(province(), dir.resolve("input"));

        // the reference: the same commands embedded, on local folders
        Path local = dir.resolve("local");
        for (String cycle : CYCLES) {
            String[] args = cycle.equals(CYCLES.get(0))
                    ? new String[] {"run", "--input", input.toString(), "--cycle", cycle,
                        "--out", local.resolve("out/" + cycle).toString(), "--warehouse", local.resolve("wh").toString()}
                    : new String[] {"verify", "--cycle", cycle, "--out", local.resolve("out/" + cycle).toString(),
                        "--warehouse", local.resolve("wh").toString()};
            assertThat(embedded(args)).as("local " + cycle).isEqualTo(ExitCode.OK);
        }

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try (StandaloneCluster spark = StandaloneCluster.start(dir.resolve("cluster"), 2, 1, "1g")) {
            String root = "hdfs://localhost:" + hdfs.getNameNodePort() + "/wengang";
            FileSystem fs = hdfs.getFileSystem();
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(input.toUri()), new org.apache.hadoop.fs.Path(root + "/in"));
            Path jar = spark.applicationJar(dir);
            for (String cycle : CYCLES) {
                List<String> args = new ArrayList<>(List.of(
                        "--class", "wengang.cli.SparkSubmitMain",
                        "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
                        "--executor-memory", "1g", "--driver-memory", "1g",
                        "--conf", "spark.sql.shuffle.partitions=2", "--conf", "spark.default.parallelism=2",
                        "--conf", "spark.databricks.delta.snapshotPartitions=2",
                        // tiny data: interpreted expressions, as the other tests run
                        "--conf", "spark.sql.codegen.wholeStage=false",
                        "--conf", "spark.sql.codegen.factoryMode=NO_CODEGEN",
                        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
                        jar.toString()));
                args.addAll(cycle.equals(CYCLES.get(0))
                        ? List.of("run", "--input", root + "/in", "--cycle", cycle, "--out", root + "/out/" + cycle,
                            "--warehouse", root + "/wh")
                        : List.of("verify", "--cycle", cycle, "--out", root + "/out/" + cycle, "--warehouse", root + "/wh"));
                int code = spark.submit("submit-" + cycle, args, 5);
                String log = spark.log("submit-" + cycle);
                assertThat(code).as(log).isEqualTo(ExitCode.OK);
                assertThat(log).as("the cycle's summary").contains("cycle " + cycle + " under");
            }
            for (int worker = 1; worker <= 2; worker++) {
                assertThat(spark.log("worker-" + worker)).as("worker " + worker + " ran an executor")
                        .contains("Asked to launch executor");
            }
            org.apache.hadoop.fs.Path checkpoints = new org.apache.hadoop.fs.Path(root + "/wh/_checkpoints");
            assertThat(!fs.exists(checkpoints) || fs.listStatus(checkpoints).length == 0)
                    .as("the runs' reliable checkpoints are removed at the end").isTrue();
            for (String cycle : CYCLES) {
                Map<String, byte[]> onHdfs = files(fs, root + "/out/" + cycle);
                Map<String, byte[]> onDisk = files(FileSystem.getLocal(new Configuration()).getRaw(),
                        local.resolve("out/" + cycle).toUri().toString());
                assertThat(onHdfs.keySet()).as(cycle + " files").isEqualTo(onDisk.keySet()).contains(
                        "claim_decisions.csv", "payments/manifest.json", "report.html");
                onDisk.forEach((name, bytes) -> assertThat(new String(onHdfs.get(name), java.nio.charset.StandardCharsets.UTF_8))
                        .as(cycle + "/" + name).isEqualTo(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            }
        } finally {
            hdfs.shutdown();
        }
    }

    /** Two claimants, one paid in 2024-01, one with months held then paid in 2024-04. */
    private static Fixture province() {
        String p = person(141);
        String q = person(142);
        String u = unit(141);
        return new Fixture().enterprise(u, YUEXIU)
                .alleviated(p, BIJIE_QIXINGGUAN).card(p, "6217")
                .worked(p, u, 202310, 202403)
                .pension(p, u, 202309, "5000.00", PayStatus.PAID, "2024-01-20", StaffType.REGULAR, null)
                .claim("C-1", Subsidy.LIVING, p, YUEXIU, 202310, 202312, "2023-12-10")
                .claim("C-2", Subsidy.LIVING, p, YUEXIU, 202401, 202403, "2024-02-10")
                .alleviated(q, BIJIE_QIXINGGUAN)
                .worked(q, u, 202311, 202403)
                .claim("C-3", Subsidy.SI_SUBSIDY, q, YUEXIU, 202311, 202402, "2024-01-15");
    }

    private static int embedded(String... args) {
        CommandLine cl = WengangCommand.commandLine(new WengangCommand(settings -> TestSpark.session()));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    /** Every file under {@code root} (hidden ones left out) by its relative name, with its bytes. */
    private static Map<String, byte[]> files(FileSystem fs, String root) throws IOException {
        org.apache.hadoop.fs.Path base = fs.makeQualified(new org.apache.hadoop.fs.Path(root));
        String prefix = base.toUri().getPath() + "/";
        Map<String, byte[]> out = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(base, true);
        while (it.hasNext()) {
            org.apache.hadoop.fs.Path f = it.next().getPath();
            String name = f.toUri().getPath().substring(prefix.length());
            if (name.startsWith(".") || name.contains("/.") || name.startsWith("warehouse")) {
                continue;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream in = fs.open(f)) {
                in.transferTo(bytes);
            }
            out.put(name, bytes.toByteArray());
        }
        return out;
    }
}
