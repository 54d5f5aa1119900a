package wengang.serve;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.policy.PolicyLoader;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.screening.Reviews;
import wengang.screening.StoredFlags;
import wengang.testing.Fixture;
import wengang.testing.InputFolder;
import wengang.testing.TestSpark;

/**
 * The review workbench over HTTP, on one small warehouse built once: cycle 2024-02 (not a
 * payment cycle) of a province where two pairs of workers share a card each, so the cycle
 * raises two SHARED_ACCOUNT flags: card {@value #CARD_A} (P1, P2, claims C-A1, C-A2, Tianhe)
 * and card {@value #CARD_B} (P3, P4, claims C-B3, C-B4, Yuexiu). The HTTP tests decide on
 * flag B; the browser test confirms flag A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeWorkbenchTest {
    static final String P1 = person(161);
    static final String P2 = person(162);
    static final String P3 = person(163);
    static final String P4 = person(164);
    static final String UNIT_A = unit(161);
    static final String UNIT_B = unit(162);
    static final String CARD_A = "6222000011112222";
    static final String CARD_B = "6222000033334444";
    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    static Warehouse warehouse;
    static WorkbenchServer server;
    static int port;
    static String flagA;
    static String flagB;
    static final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);

    @BeforeAll
    static void buildWarehouseAndStartServer() throws Exception {
        Fixture f = new Fixture().enterprise(UNIT_A, TIANHE).enterprise(UNIT_B, YUEXIU)
                .alleviated(P1, BIJIE_QIXINGGUAN).alleviated(P2, BIJIE_QIXINGGUAN)
                .alleviated(P3, ANSHUN_XIXIU).alleviated(P4, ANSHUN_XIXIU)
                .card(P1, CARD_A).card(P2, CARD_A).card(P3, CARD_B).card(P4, CARD_B)
                .worked(P1, UNIT_A, 202310, 202403).worked(P2, UNIT_A, 202310, 202403)
                .worked(P3, UNIT_B, 202310, 202403).worked(P4, UNIT_B, 202310, 202403)
                .claim("C-A1", Subsidy.LIVING, P1, TIANHE, 202310, 202312, "2023-12-01")
                .claim("C-A2", Subsidy.LIVING, P2, TIANHE, 202310, 202312, "2023-12-01")
                .claim("C-B3", Subsidy.LIVING, P3, YUEXIU, 202310, 202312, "2023-12-01")
                .claim("C-B4", Subsidy.LIVING, P4, YUEXIU, 202310, 202312, "2023-12-01");
        Path input = InputFolder.write(f, dir.resolve("input"));
        Path wh = dir.resolve("warehouse");
        assertThat(cli("run", "--input", input.toString(), "--cycle", "2024-02", "--out", dir.resolve("out-2024-02").toString(),
                "--warehouse", wh.toString())).isEqualTo(ExitCode.OK);
        warehouse = new Warehouse(Location.local(wh));
        flagA = flagOnCard(CARD_A);
        flagB = flagOnCard(CARD_B);

        ReviewersFile reviewers = new ReviewersFile(dir.resolve("secrets").resolve("reviewers"));
        reviewers.put("li", PASSWORD.toCharArray(), 10_000);
        reviewers.put("wang", PASSWORD.toCharArray(), 10_000);
        Workbench workbench = new Workbench(TestSpark.session(), warehouse, PolicyLoader.loadDefault(), new NodeTokens());
        workbench.refresh();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(clockOffset.get());
            }
        };
        server = new WorkbenchServer(workbench, reviewers, new Sessions(Duration.ofMinutes(30), Duration.ofHours(8), clock));
        port = server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static int cli(String... args) {
        CommandLine cl = WengangCommand.commandLine(new WengangCommand(settings -> TestSpark.session()));
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        return code;
    }

    static String flagOnCard(String card) {
        List<Row> rows = StoredFlags.read(TestSpark.session(), warehouse)
                .filter(col(Columns.RULE).equalTo("SHARED_ACCOUNT").and(col(Columns.SUBJECT_ID).equalTo(card)))
                .select(Columns.FLAG_ID).collectAsList();
        assertThat(rows).as("the SHARED_ACCOUNT flag of card " + card).hasSize(1);
        return rows.get(0).getString(0);
    }

    static WorkbenchClient signedIn(String reviewer) {
        WorkbenchClient c = new WorkbenchClient(port);
        assertThat(c.signIn(reviewer, PASSWORD).statusCode()).isEqualTo(303);
        return c;
    }

    @Test
    void everyPageButSignInNeedsASignedInReviewer() {
        WorkbenchClient anonymous = new WorkbenchClient(port);
        HttpResponse<String> queue = anonymous.get("/queue?cycle=2024-02");
        assertThat(queue.statusCode()).isEqualTo(303);
        assertThat(queue.headers().firstValue("Location")).hasValue("/login?next=%2Fqueue");
        assertThat(anonymous.get("/flags/" + flagA + "/graph.json").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/flags/" + flagA + "/decision", Map.of("decision", "CONFIRMED", "note", "x", "csrf", "x"))
                .statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/login").body()).contains("Sign in").doesNotContain(P1, CARD_A);

        HttpResponse<String> wrong = anonymous.signIn("li", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Unknown reviewer or wrong password");
        assertThat(anonymous.get("/queue").statusCode()).isEqualTo(303);

        WorkbenchClient li = signedIn("li");
        HttpResponse<String> page = li.get("/queue?cycle=2024-02");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Flags of cycle 2024-02", "signed in as <b id=\"reviewer\">li</b>",
                "SHARED_ACCOUNT</a> 2", "data-flag=\"" + flagA + "\"", "data-flag=\"" + flagB + "\"", CARD_A);
        // the district filter: flag A's claims are Tianhe's, flag B's Yuexiu's
        String tianhe = li.get("/queue?cycle=2024-02&district=" + TIANHE).body();
        assertThat(tianhe).contains("data-flag=\"" + flagA + "\"").doesNotContain("data-flag=\"" + flagB + "\"");

        // sessions end: 31 minutes without a request
        clockOffset.set(Duration.ofMinutes(31));
        try {
            assertThat(li.get("/queue").statusCode()).isEqualTo(303);
        } finally {
            clockOffset.set(Duration.ZERO);
        }
        assertThat(li.get("/queue").statusCode()).as("an expired session stays ended").isEqualTo(303);
    }

    @Test
    void aFlagShowsItsEvidenceTheMonthsAConfirmationHoldsAndNoIdInAnyLink() {
        WorkbenchClient li = signedIn("li");
        HttpResponse<String> page = li.get("/flags/" + flagB + "?cycle=2024-02");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("SHARED_ACCOUNT on CARD " + CARD_B, "claim C-B3: LIVING", "claim C-B4: LIVING",
                "person " + P3, "person " + P4, UNIT_B)
                // the effect of CONFIRMED: the payable months not paid yet, held in the next payment cycle
                .contains("claim C-B3 (LIVING): months 202310, 202311, 202312, 1500.00 yuan", "payment files of 2024-04")
                // explain month by month, and contribution rows with their input lines
                .containsPattern("<td>202311</td><td>PAYABLE</td>")
                .containsPattern("<tr class=\"USED\"><td class=\"n\">\\d+</td><td>202310</td><td>110</td><td>PAID</td>");
        Matcher links = Pattern.compile("(?:href|action|data-graph)=\"([^\"]*)\"").matcher(body);
        int n = 0;
        while (links.find()) {
            n++;
            assertThat(links.group(1)).doesNotContain(P3).doesNotContain(P4).doesNotContain(CARD_B).doesNotContain(UNIT_B);
        }
        assertThat(n).isGreaterThan(3);

        HttpResponse<String> graph = li.get("/flags/" + flagB + "/graph.json?cycle=2024-02");
        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body()).contains("\"type\":\"CARD\",\"id\":\"" + CARD_B + "\"", "\"id\":\"" + P3 + "\"",
                "\"id\":\"" + P4 + "\"", "\"rule\":\"SHARED_ACCOUNT\"").doesNotContain(CARD_A);
        Matcher token = Pattern.compile("\"token\":\"(N[0-9a-f]+)\",\"type\":\"PERSON\",\"id\":\"" + P3 + "\"").matcher(graph.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> node = li.get("/nodes/" + token.group(1) + "?cycle=2024-02");
        assertThat(node.statusCode()).isEqualTo(200);
        assertThat(node.body()).contains("PERSON " + P3, "/flags/" + flagB + "?cycle=2024-02")
                .doesNotContain("/flags/" + flagA);
    }

    @Test
    void aDecisionIsRecordedWithTheSignedInReviewerAndTheSecondOneWins() {
        WorkbenchClient li = signedIn("li");
        String csrf = WorkbenchClient.csrf(li.get("/flags/" + flagB + "?cycle=2024-02"));
        HttpResponse<String> first = li.post("/flags/" + flagB + "/decision",
                Map.of("csrf", csrf, "cycle", "2024-02", "decision", "CONFIRMED", "note", "one card, two workers"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/flags/" + flagB + "?cycle=2024-02&recorded=1");
        assertThat(latest(flagB)).containsExactly("CONFIRMED", "li", "one card, two workers");

        WorkbenchClient wang = signedIn("wang");
        String csrf2 = WorkbenchClient.csrf(wang.get("/flags/" + flagB + "?cycle=2024-02"));
        assertThat(wang.post("/flags/" + flagB + "/decision",
                Map.of("csrf", csrf2, "cycle", "2024-02", "decision", "DISMISSED", "note", "brothers, checked at the office"))
                .statusCode()).isEqualTo(303);
        assertThat(latest(flagB)).containsExactly("DISMISSED", "wang", "brothers, checked at the office");

        String page = wang.get("/flags/" + flagB + "?cycle=2024-02&recorded=1").body();
        assertThat(page).contains("Decision recorded: <b>DISMISSED</b>", "<b id=\"status\" class=\"DISMISSED\">DISMISSED</b>")
                .containsPattern("<td>DISMISSED</td><td>wang</td>.*brothers, checked at the office")
                .containsPattern("<td>CONFIRMED</td><td>li</td>.*one card, two workers");
        assertThat(wang.get("/queue?cycle=2024-02&status=DISMISSED").body()).contains("data-flag=\"" + flagB + "\"")
                .doesNotContain("data-flag=\"" + flagA + "\"");
        // a decision without a note is refused, nothing written
        long version = Reviews.currentVersion(TestSpark.session(), warehouse);
        HttpResponse<String> noNote = wang.post("/flags/" + flagB + "/decision",
                Map.of("csrf", csrf2, "cycle", "2024-02", "decision", "CONFIRMED", "note", "  "));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("A note is required");
        assertThat(Reviews.currentVersion(TestSpark.session(), warehouse)).isEqualTo(version);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndRecordsNothing() {
        WorkbenchClient li = signedIn("li");
        long version = Reviews.currentVersion(TestSpark.session(), warehouse);
        HttpResponse<String> forged = li.post("/flags/" + flagB + "/decision",
                Map.of("csrf", "forged", "cycle", "2024-02", "decision", "CONFIRMED", "note", "x"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Form refused", "token");
        HttpResponse<String> missing = li.post("/flags/" + flagB + "/decision",
                Map.of("cycle", "2024-02", "decision", "CONFIRMED", "note", "x"));
        assertThat(missing.statusCode()).isEqualTo(403);
        // another session's token is not this session's
        String othersToken = WorkbenchClient.csrf(signedIn("wang").get("/queue"));
        assertThat(li.post("/flags/" + flagB + "/decision",
                Map.of("csrf", othersToken, "cycle", "2024-02", "decision", "CONFIRMED", "note", "x")).statusCode()).isEqualTo(403);
        // a form sent from another site, even with the token
        String token = WorkbenchClient.csrf(li.get("/queue"));
        assertThat(li.post("/flags/" + flagB + "/decision",
                Map.of("csrf", token, "cycle", "2024-02", "decision", "CONFIRMED", "note", "x"),
                Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        assertThat(Reviews.currentVersion(TestSpark.session(), warehouse)).isEqualTo(version);
    }

    @Test
    void unknownIdsAndCyclesGetAClearPageNeverAStackTrace() {
        WorkbenchClient li = signedIn("li");
        HttpResponse<String> unknown = li.get("/flags/F0000000000000000?cycle=2024-02");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown flag", "No cycle on this warehouse raised a flag");
        assertThat(li.get("/flags/F0000000000000000/graph.json").statusCode()).isEqualTo(404);
        HttpResponse<String> otherCycle = li.get("/flags/" + flagA + "?cycle=2023-12");
        assertThat(otherCycle.statusCode()).isEqualTo(404);
        assertThat(otherCycle.body()).contains("No such cycle", "Cycle 2023-12 stored no flags", "2024-02");
        HttpResponse<String> badCycle = li.get("/queue?cycle=banana");
        assertThat(badCycle.statusCode()).isEqualTo(400);
        assertThat(badCycle.body()).contains("is not a cycle: write it yyyy-MM");
        HttpResponse<String> node = li.get("/nodes/N0123456789abcdef01234567");
        assertThat(node.statusCode()).isEqualTo(404);
        assertThat(node.body()).contains("Unknown node");
        String csrf = WorkbenchClient.csrf(li.get("/queue"));
        HttpResponse<String> decideUnknown = li.post("/flags/F0000000000000000/decision",
                Map.of("csrf", csrf, "cycle", "2024-02", "decision", "CONFIRMED", "note", "x"));
        assertThat(decideUnknown.statusCode()).isEqualTo(404);
        HttpResponse<String> nowhere = li.get("/nowhere");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("Not found");
        for (HttpResponse<String> r : List.of(unknown, otherCycle, badCycle, node, decideUnknown, nowhere)) {
            assertThat(r.body()).doesNotContain("Exception", "\tat ", "at wengang.", "at io.javalin");
        }
    }

    @Test
    void idNumbersAreMaskedForLogs() {
        assertThat(IdMask.mask("flag of " + P1 + " card " + CARD_A + " claim C-A1"))
                .isEqualTo("flag of " + P1.substring(0, 6) + "********" + P1.substring(14) + " card 622200******2222 claim C-A1");
        assertThat(IdMask.mask("/flags/F3a9c0d2e4b1f6a7")).isEqualTo("/flags/F3a9c0d2e4b1f6a7");
    }

    @Test
    void reviewersFileKeepsHashesNotPasswords() throws Exception {
        ReviewersFile file = new ReviewersFile(dir.resolve("secrets").resolve("reviewers"));
        assertThat(file.check("li", PASSWORD.toCharArray())).hasValue("li");
        assertThat(file.check("li", "correct horse batterY".toCharArray())).isEmpty();
        assertThat(file.check("nobody", PASSWORD.toCharArray())).isEmpty();
        assertThat(Files.readString(file.path())).doesNotContain(PASSWORD).contains("li:pbkdf2-sha256:10000:");
        assertThat(Files.getPosixFilePermissions(file.path())).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    /**
     * In headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs): sign in, open
     * the queue, open flag A, see its group graph drawn, confirm it with a note; then the next cycle on the
     * warehouse, 2024-04 (a payment cycle), holds the flagged claims' months (FLAG_CONFIRMED), as a
     * `flags review` decision does. Screenshots of the queue, the flag and the graph go to
     * target/workbench-screenshots (the README's pictures are these).
     */
    @Test
    @Order(Integer.MAX_VALUE - 1) // after the tests without an order (Order.DEFAULT)
    void inTheBrowserAReviewerConfirmsAFlagAndTheNextCycleHoldsItsMonths() throws Exception {
        WebDriver browser = Browser.start();
        Path shots = Path.of("target", "workbench-screenshots");
        Files.createDirectories(shots);
        try {
            String base = "http://127.0.0.1:" + port;
            browser.get(base + "/queue");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
            assertThat(browser.getCurrentUrl()).contains("/login");
            browser.findElement(By.id("name")).sendKeys("li");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("sign-in")).click();

            WebElement queue = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
            assertThat(queue.getText()).contains("SHARED_ACCOUNT", CARD_A, CARD_B);
            Browser.screenshot(browser, shots.resolve("queue.png"));
            browser.findElement(By.cssSelector("tr[data-flag='" + flagA + "'] a.flag-link")).click();

            WebElement graph = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-graph")));
            wait.until(d -> graph.getDomAttribute("data-drawn") != null);
            assertThat(graph.getDomAttribute("data-drawn")).isEqualTo("3"); // the card and its two holders
            assertThat(graph.getDomAttribute("data-edges")).isEqualTo("2");
            assertThat(graph.findElements(By.tagName("canvas"))).isNotEmpty();
            assertThat(browser.findElement(By.id("effect")).getText())
                    .contains("claim C-A1 (LIVING): months 202310, 202311, 202312, 1500.00 yuan", "2024-04");
            Browser.screenshot(browser, shots.resolve("graph.png"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.id("claims")));
            Browser.screenshot(browser, shots.resolve("flag.png"));

            browser.findElement(By.id("decision-confirmed")).click();
            browser.findElement(By.id("note")).sendKeys("one card for two workers; the bank confirms the holder");
            browser.findElement(By.id("record")).click();
            WebElement recorded = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
            assertThat(recorded.getText()).contains("Decision recorded: CONFIRMED");
            assertThat(browser.findElement(By.id("reviews")).getText()).contains("CONFIRMED li",
                    "one card for two workers");
        } finally {
            browser.quit();
        }
        assertThat(latest(flagA)).containsExactly("CONFIRMED", "li", "one card for two workers; the bank confirms the holder");

        cli("verify", "--cycle", "2024-04", "--out", dir.resolve("out-2024-04").toString(), "--warehouse",
                warehouse.root().toString());
        List<Row> months = Warehouse.read(TestSpark.session(), warehouse.gold("claim_months"))
                        .filter(col(Columns.CYCLE).equalTo(202404).and(col(Columns.CLAIM_ID).isin("C-A1", "C-A2")))
                        .select(Columns.CLAIM_ID, Columns.MONTH, Columns.STATUS, Columns.REASON).collectAsList();
        assertThat(months).hasSize(6).allSatisfy(m -> {
            assertThat(m.getString(2)).isEqualTo("PAYABLE");
            assertThat(m.getString(3)).isEqualTo("FLAG_CONFIRMED");
        });
        assertThat(Files.readString(dir.resolve("out-2024-04").resolve("payments").resolve(TIANHE + ".csv")))
                .contains("C-A1").contains("HELD").doesNotContain(",PAY,");
    }

    /**
     * Last (it changes the warehouse under the server): after cycle 2024-04 and a refresh, flag B
     * (DISMISSED, so 2024-04 no longer raises it) asked for at 2024-04 is a flag of another cycle;
     * then, with every stored flag gone from the warehouse, a decision on a flag the server read
     * earlier is refused as stale, with nothing recorded.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFlagOfAnotherCycleAndAStaleFlagGetClearPages() {
        if (wengang.cycle.CycleRuns.latestRun(TestSpark.session(), warehouse, 202404).isEmpty()) {
            cli("verify", "--cycle", "2024-04", "--out", dir.resolve("out-2024-04").toString(), "--warehouse",
                    warehouse.root().toString());
        }
        WorkbenchClient li = signedIn("li");
        String csrf = WorkbenchClient.csrf(li.get("/queue"));
        if (!"DISMISSED".equals(latest(flagB).get(0))) {
            li.post("/flags/" + flagB + "/decision", Map.of("csrf", csrf, "cycle", "2024-02", "decision", "DISMISSED",
                    "note", "checked"));
            cli("verify", "--cycle", "2024-04", "--out", dir.resolve("out-2024-04").toString(), "--warehouse",
                    warehouse.root().toString());
        }
        assertThat(li.post("/refresh", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(li.get("/queue").body()).contains("Flags of cycle 2024-04", "<option selected>2024-04</option>");

        HttpResponse<String> other = li.get("/flags/" + flagB + "?cycle=2024-04");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("A flag of another cycle", "was not raised at cycle 2024-04",
                "/flags/" + flagB + "?cycle=2024-02");
        assertThat(li.get("/flags/" + flagA + "?cycle=2024-04").statusCode()).isEqualTo(200);

        StoredFlags.write(wengang.screening.FlagTable.empty(TestSpark.session()), warehouse, 202402);
        StoredFlags.write(wengang.screening.FlagTable.empty(TestSpark.session()), warehouse, 202404);
        long version = Reviews.currentVersion(TestSpark.session(), warehouse);
        HttpResponse<String> stale = li.post("/flags/" + flagA + "/decision",
                Map.of("csrf", csrf, "cycle", "2024-04", "decision", "DISMISSED", "note", "too late"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("The flag is no longer stored", "Nothing was recorded", "Refresh");
        assertThat(Reviews.currentVersion(TestSpark.session(), warehouse)).isEqualTo(version);
    }

    /** decision, reviewer, note of the latest review of a flag. */
    static List<String> latest(String flagId) {
        Row r = Reviews.latest(Reviews.read(TestSpark.session(), warehouse, -1))
                .filter(col(Columns.FLAG_ID).equalTo(flagId)).first();
        return List.of(r.getAs(Columns.DECISION), r.getAs(Reviews.REVIEWER), r.getAs(Reviews.NOTE));
    }
}
