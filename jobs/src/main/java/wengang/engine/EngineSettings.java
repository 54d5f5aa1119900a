package wengang.engine;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Engine defaults: the Spark settings of conf/wengang.conf (a properties file bundled in the
 * jar, {@link Bundled}), overridden by --conf k=v on the command line.
 */
public final class EngineSettings {
    public static final String DEFAULT_MASTER = "local[*]";

    private final String master;
    private final Map<String, String> sparkConf;

    private EngineSettings(String master, Map<String, String> sparkConf) {
        this.master = master;
        this.sparkConf = Map.copyOf(sparkConf);
    }

    /** Defaults from conf/wengang.conf, then the given overrides. */
    public static EngineSettings load(String masterOverride, Map<String, String> overrides) {
        Map<String, String> conf = new TreeMap<>(readDefaults(new String(Bundled.bytes("wengang.conf"),
                StandardCharsets.UTF_8)));
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

    static Map<String, String> readDefaults(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read engine defaults conf/wengang.conf: " + e.getMessage(), e);
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
