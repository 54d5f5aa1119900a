package wengang.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.engine.Location;
import wengang.testing.FolderFiles;
import wengang.engine.Warehouse;
import wengang.output.StagedOutputs;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.Fixture;
import wengang.testing.InputFolder;
import wengang.testing.TestSpark;
import wengang.testing.TestWarehouse;

/**
 * Issue 14: a full disk or an unwritable --out fails the run with one line saying what happened
 * and what to do (no stack trace, exit 1), and the previous outputs in --out stay byte for byte
 * as they were. Both by real mechanisms that hold for root too (chmod does not stop root): an
 * --out below a regular file, and a full disk as HDFS has it, a space quota on the --out folder
 * (a real DSQuotaExceededException from a MiniDFSCluster), reached halfway through the outputs:
 * after the CSV files and the payment set were written, while the report is. The previous outputs
 * are files a run of last month would have left (written by the test: a cycle less to run).
 */
class FullDiskAndUnwritableOutTest {
    static final String P = person(151);
    static final String UNIT = unit(151);

    @TempDir
    Path dir;

    @Test
    void anOutBelowAFileFailsInOneLineBeforeAnythingIsDone() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        for (String[] args : new String[][] {
            {"verify", "--cycle", "2024-01", "--warehouse", dir.resolve("wh").toString(), "--out", file.resolve("out").toString()},
            {"run", "--input", InputFolder.write(fixture(), dir.resolve("in")).toString(), "--cycle", "2024-01",
                "--warehouse", dir.resolve("wh").toString(), "--out", file.resolve("out/2024-01").toString()},
            {"verify", "--cycle", "2024-01", "--warehouse", dir.resolve("wh").toString(), "--out", file.toString()}}) {
            StringWriter err = new StringWriter();
            assertThat(cli(err, args)).as(err.toString()).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString().lines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("wengang: cannot write the output folder ").contains("/a-file")
                    .contains("Give an output folder (--out) this user can create and write; nothing was written to it")
                    .doesNotContain("\tat ");
        }
        assertThat(dir.resolve("wh")).as("stopped before the ingest and the cycle").doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDiskThatFillsHalfwayThroughTheOutputsLeavesThePreviousOnesByteForByte() throws Exception {
        Warehouse w = TestWarehouse.of(fixture(), dir.resolve("wh"));
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        // 64 KiB blocks, one replica. HDFS charges a quota a whole block for every block being
        // written, so a quota 96 KiB above what --out holds takes the small CSV files and the
        // payment set and stops the report (1 MB: its charts library is inlined) at its second block
        conf.setLong("dfs.namenode.fs-limits.min-block-size", 0);
        conf.setLong("dfs.blocksize", 64 * 1024);
        conf.setInt("dfs.replication", 1);
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            // Hadoop keeps one client per file system: made here with the conf above, it is also wengang's
            DistributedFileSystem fs = hdfs.getFileSystem();
            String out = "hdfs://localhost:" + hdfs.getNameNodePort() + "/out";
            // last month's outputs in --out (as a previous run leaves them: files, payment set, report)
            for (String name : List.of("claim_decisions.csv", "claim_months.csv", "flags.csv", "rejects.csv", "report.html",
                    "payments/" + TIANHE + ".csv", "payments/" + YUEXIU + ".csv", "payments/manifest.json")) {
                try (var o = fs.create(new org.apache.hadoop.fs.Path("/out/" + name))) {
                    o.write(("the previous run's " + name + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            Map<String, byte[]> before = FolderFiles.bytesByName(Location.of(fs.getConf(), fs.getUri() + "/out"));
            long used = fs.getContentSummary(new org.apache.hadoop.fs.Path("/out")).getSpaceConsumed();
            fs.setQuota(new org.apache.hadoop.fs.Path("/out"), HdfsConstants.QUOTA_DONT_SET, used + 96 * 1024);

            StringWriter err = new StringWriter();
            int code = cli(err, "verify", "--cycle", "2024-01", "--warehouse", w.root().toString(), "--out", out);

            assertThat(code).as(err.toString()).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString().lines()).singleElement().asString()
                    .startsWith("wengang: cannot write the outputs to " + out + " (nothing there was replaced): cannot write ")
                    .contains(StagedOutputs.FOLDER + "/report.html: The DiskSpace quota of /out is exceeded")
                    .endsWith("(the folder's quota on the file system is used up: free space or raise the quota and run"
                            + " again; the previous outputs are as they were)")
                    .doesNotContain("\tat ");
            Map<String, byte[]> after = FolderFiles.bytesByName(Location.of(fs.getConf(), fs.getUri() + "/out"));
            assertThat(after.keySet()).as("no file added or removed, no staging left").isEqualTo(before.keySet());
            before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        } finally {
            hdfs.shutdown();
        }
    }

    private static Fixture fixture() {
        return new Fixture().enterprise(UNIT, TIANHE).alleviated(P, BIJIE_QIXINGGUAN)
                .worked(P, UNIT, 202310, 202401).card(P, "6217000000000151")
                .claim("C-P", Subsidy.LIVING, P, TIANHE, 202310, 202312, "2023-12-01");
    }

    private static int cli(StringWriter err, String... args) {
        CommandLine cl = WengangCommand.commandLine(new WengangCommand(settings -> TestSpark.session()));
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

}
