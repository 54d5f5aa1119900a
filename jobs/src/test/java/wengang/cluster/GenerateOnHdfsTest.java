package wengang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.testing.FolderFiles;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.engine.Location;
import wengang.testing.TestSpark;

/**
 * {@code wengang generate --out hdfs://...} writes the province on HDFS (a MiniDFSCluster)
 * with the bytes of the same generation into a local folder: CSV, and Parquet with
 * {@code --increment-month} (complete/, snapshot/, increment-yyyyMM/). Nothing else is left
 * beside the files (no temporary names, no {@code .crc}), and on HDFS they are their owner's
 * only (files 600, folders 700).
 */
class GenerateOnHdfsTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aProvinceGeneratedOnHdfsHasTheBytesOfOneGeneratedLocally() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            String root = "hdfs://localhost:" + hdfs.getNameNodePort() + "/wengang";
            for (List<String> format : List.of(List.of("--format", "csv"),
                    List.of("--format", "parquet", "--increment-month", "2023-12"))) {
                String name = format.get(1);
                String local = dir.resolve("local-" + name).toString();
                String remote = root + "/" + name;
                assertThat(generate(local, format)).as(name + " locally").contains("generated");
                assertThat(generate(remote, format)).as(name + " on HDFS").contains("-> " + remote);

                Map<String, byte[]> onDisk = FolderFiles.bytesByName(Location.local(Path.of(local)));
                Map<String, byte[]> onHdfs = FolderFiles.bytesByName(Location.of(TestSpark.session(), remote));
                assertThat(onDisk.keySet()).as(name + " files").noneMatch(f -> f.endsWith(".crc") || f.contains("/."))
                        .contains(name.equals("csv") ? "contributions.csv" : "increment-202312/registry.parquet/part-00000.snappy.parquet");
                assertThat(onHdfs.keySet()).as(name + " files on HDFS").isEqualTo(onDisk.keySet());
                onDisk.forEach((f, bytes) -> assertThat(onHdfs.get(f)).as(name + ": " + f).isEqualTo(bytes));
            }
            FileSystem fs = hdfs.getFileSystem();
            for (FileStatus s : all(fs, new org.apache.hadoop.fs.Path(root))) {
                assertThat(s.getPermission().toShort()).as(s.getPath().toString()).isEqualTo(s.isDirectory() ? (short) 0700 : (short) 0600);
            }
        } finally {
            hdfs.shutdown();
        }
    }

    /** Runs {@code generate --persons 50 --seed 3 --out OUT FORMAT...} embedded; returns what it printed. */
    private static String generate(String out, List<String> format) {
        StringWriter printed = new StringWriter();
        CommandLine cl = WengangCommand.commandLine(new WengangCommand(settings -> TestSpark.session()));
        cl.setOut(new PrintWriter(printed));
        String[] args = Stream.concat(Stream.of("generate", "--persons", "50", "--seed", "3", "--out", out), format.stream())
                .toArray(String[]::new);
        assertThat(cl.execute(args)).as(String.join(" ", args)).isEqualTo(ExitCode.OK);
        return printed.toString();
    }


    /** {@code folder} and everything under it. */
    private static List<FileStatus> all(FileSystem fs, org.apache.hadoop.fs.Path folder) throws IOException {
        List<FileStatus> out = new ArrayList<>(List.of(fs.getFileStatus(folder)));
        for (FileStatus s : fs.listStatus(folder)) {
            if (s.isDirectory()) {
                out.addAll(all(fs, s.getPath()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
