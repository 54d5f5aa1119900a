package wengang.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wengang.schemas.Months;
import wengang.screening.FlagReview;
import wengang.screening.Reviews;
import wengang.serve.Sessions.Session;
import wengang.serve.Workbench.CycleView;
import wengang.serve.WorkbenchViews.FlagView;

/**
 * The review workbench's web application (Javalin, server-rendered pages from
 * {@code wengang/serve/*.peb}). Every page but sign-in needs a signed-in reviewer; every
 * form carries the session's CSRF token; URLs name flags by flag_id and graph nodes by
 * {@link NodeTokens} tokens, never by an ID number; the access log masks long numbers
 * ({@link IdMask}). A bad request gets a page saying what was wrong, never a stack trace.
 */
public final class WorkbenchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("wengang.serve");
    private static final String COOKIE = "wg_session";
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workbench workbench;
    private final ReviewersFile reviewers;
    private final Sessions sessions;
    private final Pages pages = new Pages();
    private Javalin app;

    public WorkbenchServer(Workbench workbench, ReviewersFile reviewers, Sessions sessions) {
        this.workbench = workbench;
        this.reviewers = reviewers;
        this.sessions = sessions;
    }

    /** Starts listening on bind:port (port 0: any free port); returns the port. */
    public int start(String bind, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method(), IdMask.mask(ctx.path()),
                    ctx.statusCode(), Math.round(ms)));
        });
        app.before(this::securityHeaders);
        app.before(this::requireSignIn);
        app.get("/login", ctx -> page(ctx, "login", Map.of("next", safeNext(ctx.queryParam("next")), "error", "")));
        app.post("/login", this::signIn);
        app.post("/logout", this::signOut);
        app.get("/", ctx -> ctx.redirect("/queue", HttpStatus.SEE_OTHER));
        app.get("/queue", this::queue);
        app.get("/flags/{id}", this::flag);
        app.get("/flags/{id}/graph.json", this::graph);
        app.post("/flags/{id}/decision", this::decide);
        app.get("/nodes/{token}", this::node);
        app.post("/refresh", this::refresh);
        app.get("/assets/workbench.js", ctx -> asset(ctx, "/wengang/serve/workbench.js"));
        app.get("/assets/echarts.min.js", ctx -> asset(ctx, ECHARTS));
        app.exception(Redirect.class, (e, ctx) -> ctx.redirect(e.url, HttpStatus.SEE_OTHER));
        app.exception(PageException.class, (e, ctx) -> errorPage(ctx, e.status, e.title, e.getMessage(), e.links));
        app.exception(IllegalArgumentException.class, (e, ctx) -> errorPage(ctx, 400, "Request refused", e.getMessage(), Map.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed: {}: {}", ctx.method(), IdMask.mask(ctx.path()), e.getClass().getName(),
                    IdMask.mask(e.getMessage()));
            errorPage(ctx, 500, "The workbench failed", "The request could not be completed (" + e.getClass().getSimpleName()
                    + "). The server log says more; try again, or refresh the data.", Map.of());
        });
        app.error(404, ctx -> {
            if (ctx.attribute("page") == null) {
                errorPage(ctx, 404, "Not found", "There is no page " + IdMask.mask(ctx.path()) + " in the workbench.", Map.of());
            }
        });
        app.start(bind, port);
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    // ---------------------------------------------------------------- access

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private void requireSignIn(Context ctx) {
        String path = ctx.path();
        if (ctx.method().name().equals("POST")) {
            String origin = ctx.header("Origin");
            String host = ctx.header("Host");
            if (origin != null && !origin.equals("null") && host != null && !origin.replaceFirst("^https?://", "").equals(host)) {
                throw new PageException(403, "Refused", "This form was sent from another site (" + origin + ").", Map.of());
            }
        }
        if (path.equals("/login") || path.startsWith("/assets/")) {
            return;
        }
        Optional<Session> s = sessions.touch(ctx.cookie(COOKIE));
        if (s.isEmpty()) {
            if (ctx.method().name().equals("GET") && !path.endsWith(".json")) {
                throw new Redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            }
            throw new PageException(401, "Sign in first", "Your session has ended or you have not signed in.",
                    Map.of("Sign in", "/login"));
        }
        ctx.attribute("session", s.get());
    }

    private static Session session(Context ctx) {
        return ctx.attribute("session");
    }

    private void signIn(Context ctx) {
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        Optional<String> who = reviewers.check(name, password == null ? null : password.toCharArray());
        if (who.isEmpty()) {
            LOG.warn("sign-in refused for '{}'", IdMask.mask(name));
            ctx.status(401);
            page(ctx, "login", Map.of("next", next, "error", "Unknown reviewer or wrong password."));
            return;
        }
        Session s = sessions.start(who.get());
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + sessions.idle().toSeconds());
        LOG.info("{} signed in", who.get());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        checkCsrf(ctx);
        sessions.end(session(ctx).id());
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private static void checkCsrf(Context ctx) {
        String sent = ctx.formParam("csrf");
        String expected = session(ctx).csrf();
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new PageException(403, "Form refused", "The form did not carry this session's token (it may be from an "
                    + "older session or another site). Open the page again and resend it.", Map.of("Queue", "/queue"));
        }
    }

    private static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/queue";
    }

    // ---------------------------------------------------------------- pages

    private void queue(Context ctx) {
        CycleView c = chosenCycle(ctx);
        String rule = ctx.queryParam("rule");
        String severity = ctx.queryParam("severity");
        String district = ctx.queryParam("district");
        String status = ctx.queryParam("status");
        Map<String, Object> m = new HashMap<>();
        m.put("cycle", c.cycle());
        m.put("cycleText", Months.formatDashed(c.cycle()));
        m.put("cycles", workbench.cycles().stream().map(Months::formatDashed).toList());
        m.put("rows", c.queue(rule, severity, district, status, workbench.reviews()));
        m.put("total", c.flags().size());
        m.put("counts", c.countsPerRule());
        m.put("districts", c.districts());
        m.put("rule", blankIfNull(rule));
        m.put("severity", blankIfNull(severity));
        m.put("district", blankIfNull(district));
        m.put("status", blankIfNull(status));
        page(ctx, "queue", m);
    }

    private void flag(Context ctx) {
        CycleView c = chosenCycle(ctx);
        FlagView f = flagOf(ctx, c);
        Map<String, Object> m = new HashMap<>();
        m.put("cycle", c.cycle());
        m.put("cycleText", Months.formatDashed(c.cycle()));
        m.put("f", f);
        m.put("status", workbench.reviews().status(f.flagId()));
        m.put("reviews", workbench.reviews().of(f.flagId()));
        m.put("claims", c.claimsOf(f));
        List<Map<String, Object>> persons = new java.util.ArrayList<>();
        for (String p : c.personsOf(f)) {
            Map<String, Object> pm = new HashMap<>();
            pm.put("id", p);
            pm.put("name", c.names().getOrDefault(p, ""));
            pm.put("months", c.personMonths().getOrDefault(p, List.of()));
            pm.put("rows", c.contributions().getOrDefault(p, List.of()).stream()
                    .filter(r -> !r.use().equals("LATER_MONTH")).toList());
            pm.put("later", c.contributions().getOrDefault(p, List.of()).stream()
                    .filter(r -> r.use().equals("LATER_MONTH")).count());
            persons.add(pm);
        }
        m.put("persons", persons);
        m.put("units", c.unitsOf(f));
        m.put("cards", c.cardsOf(f));
        m.put("held", c.wouldHold(f));
        m.put("nextPayment", c.nextPaymentCycle() == 0 ? "" : Months.formatDashed(c.nextPaymentCycle()));
        m.put("recorded", "1".equals(ctx.queryParam("recorded")));
        page(ctx, "flag", m);
    }

    private void graph(Context ctx) throws JsonProcessingException {
        CycleView c = chosenCycle(ctx);
        FlagView f = flagOf(ctx, c);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("graph", c.graph(f));
        body.put("cycle", Months.formatDashed(c.cycle()));
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
    }

    private void node(Context ctx) {
        CycleView c = chosenCycle(ctx);
        String typed = workbench.tokens().node(ctx.pathParam("token"));
        if (typed == null) {
            throw new PageException(404, "Unknown node", "This link to a person, unit or card is not known (links change "
                    + "when the server restarts). Open it again from a flag's graph.", Map.of("Queue", "/queue"));
        }
        String type = NodeTokens.typeOf(typed);
        String id = NodeTokens.idOf(typed);
        Map<String, Object> m = new HashMap<>();
        m.put("cycle", c.cycle());
        m.put("cycleText", Months.formatDashed(c.cycle()));
        m.put("type", type);
        m.put("id", id);
        m.put("label", type.equals("PERSON") ? c.names().getOrDefault(id, "")
                : c.units().containsKey(id) ? c.units().get(id).name() : "");
        m.put("flags", c.flagsOfNode(typed));
        m.put("reviews", workbench.reviews());
        page(ctx, "node", m);
    }

    private void decide(Context ctx) {
        checkCsrf(ctx);
        CycleView c = chosenCycle(ctx);
        FlagView f = flagOf(ctx, c);
        String decision = ctx.formParam("decision");
        String note = ctx.formParam("note");
        if (decision == null || !Reviews.DECISIONS.contains(decision)) {
            throw new PageException(400, "Choose a decision", "Choose CONFIRMED or DISMISSED.", back(f, c));
        }
        if (note == null || note.isBlank()) {
            throw new PageException(400, "A note is required", "Say why: what was checked, and where. Nothing was recorded.",
                    back(f, c));
        }
        String reviewer = session(ctx).reviewer();
        FlagReview.Recorded r;
        try {
            r = workbench.decide(f.flagId(), decision, note, reviewer);
        } catch (IllegalArgumentException stale) {
            throw new PageException(409, "The flag is no longer stored", "Flag " + f.flagId() + " was read from the "
                    + "warehouse earlier, but the warehouse no longer holds it (a cycle was re-run since). Nothing was "
                    + "recorded. Refresh the data and open the queue again.", Map.of("Queue", "/queue"));
        }
        LOG.info("review {} {} by {} (cycle {}, reviews version {})", r.flagId(), r.decision(), r.reviewer(),
                Months.formatDashed(c.cycle()), r.version());
        ctx.redirect("/flags/" + f.flagId() + "?cycle=" + Months.formatDashed(c.cycle()) + "&recorded=1", HttpStatus.SEE_OTHER);
    }

    private void refresh(Context ctx) {
        checkCsrf(ctx);
        workbench.refresh();
        LOG.info("{} refreshed the data: cycles {}", session(ctx).reviewer(), workbench.cycles());
        ctx.redirect("/queue", HttpStatus.SEE_OTHER);
    }

    private static Map<String, String> back(FlagView f, CycleView c) {
        return Map.of("Back to the flag", "/flags/" + f.flagId() + "?cycle=" + Months.formatDashed(c.cycle()));
    }

    // ---------------------------------------------------------------- helpers

    /** The cycle of ?cycle=yyyy-MM, or the latest; a cycle without flags is a clear 404. */
    private CycleView chosenCycle(Context ctx) {
        String raw = ctx.queryParam("cycle");
        if (raw == null || raw.isBlank()) {
            raw = ctx.formParam("cycle") == null || !ctx.method().name().equals("POST") ? null : ctx.formParam("cycle");
        }
        if (raw == null || raw.isBlank()) {
            return workbench.cycle(workbench.latestCycle());
        }
        Optional<Integer> c = Months.parse(raw.trim());
        if (c.isEmpty()) {
            throw new PageException(400, "Not a cycle", "'" + raw + "' is not a cycle: write it yyyy-MM, e.g. 2024-01.",
                    Map.of("Queue", "/queue"));
        }
        if (!workbench.cycles().contains(c.get())) {
            throw new PageException(404, "No such cycle", "Cycle " + Months.formatDashed(c.get()) + " stored no flags on "
                    + "this warehouse. Cycles with flags: " + workbench.cycles().stream().map(Months::formatDashed).toList()
                    + ".", Map.of("Queue", "/queue"));
        }
        return workbench.cycle(c.get());
    }

    private FlagView flagOf(Context ctx, CycleView c) {
        String id = ctx.pathParam("id");
        Optional<FlagView> f = c.flag(id);
        if (f.isPresent()) {
            return f.get();
        }
        List<Integer> elsewhere = workbench.cyclesOf(id);
        if (elsewhere.isEmpty()) {
            throw new PageException(404, "Unknown flag", "No cycle on this warehouse raised a flag with id '"
                    + IdMask.mask(id) + "'. Copy the flag_id from flags.csv, or pick the flag from the queue.",
                    Map.of("Queue", "/queue"));
        }
        Map<String, String> links = new LinkedHashMap<>();
        elsewhere.forEach(e -> links.put("cycle " + Months.formatDashed(e), "/flags/" + id + "?cycle=" + Months.formatDashed(e)));
        throw new PageException(404, "A flag of another cycle", "Flag " + id + " was not raised at cycle "
                + Months.formatDashed(c.cycle()) + "; it was raised at " + elsewhere.stream().map(Months::formatDashed).toList()
                + ".", links);
    }

    private void page(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        Session s = ctx.attribute("session");
        m.put("reviewer", s == null ? "" : s.reviewer());
        m.put("csrf", s == null ? "" : s.csrf());
        m.putIfAbsent("cycleText", "");
        m.put("warehouse", workbench.warehouse().root().toString());
        ctx.attribute("page", template);
        ctx.html(pages.render(template, m));
    }

    private void errorPage(Context ctx, int status, String title, String message, Map<String, String> links) {
        ctx.status(status);
        page(ctx, "error", Map.of("status", status, "title", title, "message", message == null ? "" : message,
                "links", links));
    }

    private static void asset(Context ctx, String resource) throws IOException {
        try (InputStream in = WorkbenchServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PageException(404, "Not found", "missing asset " + resource, Map.of());
            }
            ctx.header("Cache-Control", "max-age=3600");
            ctx.contentType("text/javascript; charset=utf-8").result(in.readAllBytes());
        }
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s.trim();
    }

    /** A clear page for a bad request: status, title, what was wrong, where to go. */
    static final class PageException extends RuntimeException {
        final int status;
        final String title;
        final Map<String, String> links;

        PageException(int status, String title, String message, Map<String, String> links) {
            super(message, null, false, false);
            this.status = status;
            this.title = title;
            this.links = links;
        }
    }

    static final class Redirect extends RuntimeException {
        final String url;

        Redirect(String url) {
            super(url, null, false, false);
            this.url = url;
        }
    }

}
