package wengang.serve;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The workbench's pages: Pebble templates under wengang/serve/ (HTML-escaped by default). */
final class Pages {
    private final PebbleEngine engine;

    Pages() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("wengang/serve");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder().loader(loader).strictVariables(true).build();
    }

    String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
