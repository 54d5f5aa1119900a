package wengang.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Engine defaults: the Spark settings of conf/wengang.conf (a properties file),
 * overridden by --conf k=v on the command line. The project home is found from the
 * WENGANG_HOME environment variable (bin/wengang sets it), else the working folder.
 */
public final class EngineSettings {
    public static final String DEFAULT_MASTER = "local[*]";

    private final String master;
    private final Map<String, String> sparkConf;

    private EngineSettings(String master, Map<String, String> sparkConf) {
        this.master = master;
        this.sparkConf = Map.copyOf(sparkConf);
    }

    public static Path home() {
        String env = System.getenv("WENGANG_HOME");
        String prop = System.getProperty("wengang.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("").toAbsolutePath();
    }

    public static Path confDir() {
        return home().resolve("conf");
    }

    /** Defaults from conf/wengang.conf (when present), then the given overrides. */
    public static EngineSettings load(String masterOverride, Map<String, String> overrides) {
        Map<String, String> conf = new TreeMap<>(readDefaults(confDir().resolve("wengang.conf")));
        String master = conf.remove("spark.master");
        conf.putAll(overrides);
        if (overrides.containsKey("spark.master")) {
            master = conf.remove("spark.master");
        }
        if (masterOverride != null && !masterOverride.isBlank()) {
            master = masterOverride;
        }
        return new EngineSettings(master == null ? DEFAULT_MASTER : master, conf);
    }

    static Map<String, String> readDefaults(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read engine defaults " + file + ": " + e.getMessage(), e);
        }
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    public String master() {
        return master;
    }

    public Map<String, String> sparkConf() {
        return sparkConf;
    }
}
