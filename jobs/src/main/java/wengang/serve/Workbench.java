package wengang.serve;

import static org.apache.spark.sql.functions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import wengang.cycle.CycleRuns;
import wengang.decision.Explanations;
import wengang.engine.Warehouse;
import wengang.payment.Ledger;
import wengang.policy.Policy;
import wengang.policy.Rules;
import wengang.schemas.Codes;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.Tables;
import wengang.screening.FlagReview;
import wengang.screening.FlagTable;
import wengang.screening.Reviews;
import wengang.screening.StoredFlags;
import wengang.serve.WorkbenchViews.*;

/**
 * What the review workbench shows, read from the warehouse through Spark: the flags of
 * each cycle ({@code gold/flags}) and, for the people, claims, units and cards those flags
 * name, the cycle's decisions ({@code gold/claim_decisions}, {@code claim_months},
 * {@code month_eligibility}), the bronze rows at the versions the cycle recorded
 * ({@code meta/cycle_runs}: contributions with their input lines, cards, employers,
 * registry names) and the ledger's paid months. A cycle is read once, when first shown,
 * and again after {@link #refresh}; the reviews table is read again after every decision.
 * Spark is used from one thread at a time (every read is synchronized).
 */
public final class Workbench {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final Policy policy;
    private final NodeTokens tokens;
    private final Map<Integer, CycleView> loaded = new ConcurrentHashMap<>();
    private volatile List<Integer> cycles = List.of();
    private volatile Map<String, List<Integer>> flagCycles = Map.of();
    private volatile ReviewState reviews = new ReviewState(Map.of(), Map.of());

    public Workbench(SparkSession spark, Warehouse warehouse, Policy policy, NodeTokens tokens) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.policy = policy;
        this.tokens = tokens;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public NodeTokens tokens() {
        return tokens;
    }

    /**
     * Forgets what was read and reads the list of cycles, the reviews and the latest cycle again.
     *
     * @throws IllegalArgumentException when the warehouse holds no flags (no cycle was run on it)
     */
    public synchronized void refresh() {
        loaded.clear();
        if (!Warehouse.exists(StoredFlags.path(warehouse))) {
            throw new IllegalArgumentException("warehouse " + warehouse.root() + " holds no flags yet: run a cycle first "
                    + "(wengang run / wengang verify), then serve it");
        }
        Set<Integer> found = new TreeSet<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (Row r : StoredFlags.read(spark, warehouse).select(Columns.FLAG_ID, Columns.CYCLE).distinct()
                .orderBy(Columns.CYCLE).collectAsList()) {
            found.add(r.getInt(1));
            index.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getInt(1));
        }
        cycles = List.copyOf(found);
        flagCycles = Map.copyOf(index);
        reloadReviews();
        if (!cycles.isEmpty()) {
            cycle(latestCycle());
        }
    }

    /** Cycles that stored flags, oldest first. */
    public List<Integer> cycles() {
        return cycles;
    }

    public int latestCycle() {
        if (cycles.isEmpty()) {
            throw new IllegalArgumentException("warehouse " + warehouse.root() + " holds no flags yet");
        }
        return cycles.get(cycles.size() - 1);
    }

    public ReviewState reviews() {
        return reviews;
    }

    /** Cycle c's flags and evidence (read on first use). */
    public CycleView cycle(int c) {
        CycleView v = loaded.get(c);
        if (v != null) {
            return v;
        }
        synchronized (this) {
            return loaded.computeIfAbsent(c, this::load);
        }
    }

    /** The cycles (oldest first) whose flags include this flag_id, as read at the last refresh. */
    public List<Integer> cyclesOf(String flagId) {
        return flagCycles.getOrDefault(flagId, List.of());
    }

    /**
     * Records a decision exactly as {@code wengang flags review} does ({@link FlagReview#record}),
     * then reads the reviews again.
     */
    public synchronized FlagReview.Recorded decide(String flagId, String decision, String note, String reviewer) {
        FlagReview.Recorded r = FlagReview.record(spark, warehouse, flagId, decision, note, reviewer, Instant.now());
        reloadReviews();
        return r;
    }

    private void reloadReviews() {
        Dataset<Row> all = Reviews.read(spark, warehouse, -1);
        Map<String, List<ReviewView>> history = new HashMap<>();
        for (Row r : all.orderBy(col(Reviews.REVIEWED_AT).desc(), col(Columns.DECISION).asc()).collectAsList()) {
            history.computeIfAbsent(r.getAs(Columns.FLAG_ID), k -> new ArrayList<>()).add(new ReviewView(
                    r.getAs(Columns.DECISION), r.getAs(Reviews.NOTE), r.getAs(Reviews.REVIEWER),
                    r.<java.sql.Timestamp>getAs(Reviews.REVIEWED_AT).toInstant().toString()));
        }
        Map<String, String> latest = new HashMap<>();
        Reviews.latest(all).select(Columns.FLAG_ID, Columns.DECISION).collectAsList()
                .forEach(r -> latest.put(r.getString(0), r.getString(1)));
        reviews = new ReviewState(Map.copyOf(latest), Map.copyOf(history));
    }

    // ---------------------------------------------------------------- reading one cycle

    private CycleView load(int c) {
        Rules rules = policy.rulesAt(c);
        List<Row> flagRows = StoredFlags.read(spark, warehouse).filter(col(Columns.CYCLE).equalTo(c)).collectAsList();
        Set<String> persons = new TreeSet<>();
        Set<String> namedClaims = new TreeSet<>();
        Set<String> unitNodes = new TreeSet<>();
        Set<String> cardNodes = new TreeSet<>();
        for (Row f : flagRows) {
            namedClaims.addAll(strings(f, FlagTable.NAMED_CLAIMS));
            persons.addAll(strings(f, FlagTable.NAMED_PERSONS));
            for (String node : strings(f, FlagTable.LINKED_NODES)) {
                String id = NodeTokens.idOf(node);
                switch (NodeTokens.typeOf(node)) {
                    case FlagTable.PERSON -> persons.add(id);
                    case FlagTable.UNIT -> unitNodes.add(id);
                    default -> cardNodes.add(id);
                }
            }
        }
        Map<String, Long> versions = CycleRuns.latestRun(spark, warehouse, c).map(CycleRuns.Run::inputVersions).orElse(Map.of());

        // claims: those flags name, and every decided claim about a person they name
        Map<String, ClaimView> claims = new TreeMap<>();
        if (Warehouse.exists(warehouse.gold("claim_decisions"))) {
            Column which = in(col(Columns.CLAIM_ID), namedClaims).or(in(col(Columns.PERSON_ID), persons));
            List<Row> decided = gold("claim_decisions", c).filter(which).collectAsList();
            Set<String> ids = new TreeSet<>();
            decided.forEach(d -> ids.add(d.getAs(Columns.CLAIM_ID)));
            Map<String, List<ClaimMonthView>> months = new HashMap<>();
            for (Row m : gold("claim_months", c).filter(in(col(Columns.CLAIM_ID), ids))
                    .orderBy(Columns.CLAIM_ID, Columns.MONTH).collectAsList()) {
                String reason = m.getAs(Columns.REASON);
                months.computeIfAbsent(m.getAs(Columns.CLAIM_ID), k -> new ArrayList<>()).add(new ClaimMonthView(
                        m.<Integer>getAs(Columns.MONTH), m.getAs(Columns.STATUS), text(m.getAs(Columns.AMOUNT)),
                        reason == null ? "" : reason, explain(reason, rules)));
            }
            for (Row d : decided) {
                String id = d.getAs(Columns.CLAIM_ID);
                claims.put(id, new ClaimView(id, d.getAs(Columns.SUBSIDY), d.getAs(Columns.PERSON_ID),
                        d.getAs(Columns.CLAIMANT_ID), d.getAs(Columns.DISTRICT), d.getAs(Columns.DECISION),
                        text(d.getAs(Columns.APPROVED_AMOUNT)), text(d.getAs(Columns.REASONS)),
                        months.getOrDefault(id, List.of())));
            }
        }
        claims.values().forEach(cl -> persons.add(cl.personId()));

        // the persons' months as the cycle decided them (explain, month by month)
        Map<String, List<PersonMonthView>> personMonths = new HashMap<>();
        if (Warehouse.exists(warehouse.gold("month_eligibility"))) {
            for (Row m : gold("month_eligibility", c).filter(in(col(Columns.PERSON_ID), persons))
                    .orderBy(Columns.PERSON_ID, Columns.MONTH).collectAsList()) {
                String reason = m.getAs(Columns.REASON);
                personMonths.computeIfAbsent(m.getAs(Columns.PERSON_ID), k -> new ArrayList<>()).add(new PersonMonthView(
                        m.<Integer>getAs(Columns.MONTH), m.getAs(Columns.STATUS), text(m.getAs("unit_id")),
                        text(m.getAs(Columns.DISTRICT)), text(m.getAs("spell_start")) + ".." + text(m.getAs("spell_end"))
                        + " " + text(m.getAs("spell_kind")), text(m.getAs("si_amount")),
                        reason == null ? "" : reason, explain(reason, rules)));
            }
        }

        // contribution rows at the version the cycle read, with their input lines and how the cycle used them
        Map<String, List<ContributionView>> contributions = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> units = new TreeSet<>(unitNodes);
        Dataset<Row> contributionRows = bronze(Tables.CONTRIBUTIONS.name(), versions);
        if (contributionRows != null) {
            for (Row r : Explanations.contributionUse(contributionRows.filter(in(col(Columns.PERSON_ID), persons)), c)
                    .orderBy(Columns.PERSON_ID, Columns.MONTH, Columns.INSURANCE_TYPE, "source_line").collectAsList()) {
                String person = r.getAs(Columns.PERSON_ID);
                contributions.computeIfAbsent(person, k -> new ArrayList<>()).add(new ContributionView(
                        text(r.getAs("source_line")), r.<Integer>getAs(Columns.MONTH), r.getAs(Columns.INSURANCE_TYPE),
                        r.getAs(Columns.PAY_STATUS), text(r.getAs(Columns.PAID_ON)), r.getAs(Columns.EMPLOYER_ID),
                        text(r.getAs(Columns.USER_UNIT_ID)), r.getAs(Columns.STAFF_TYPE), text(r.getAs(Columns.BASE)),
                        text(r.getAs(Columns.PERSONAL_AMOUNT)), r.getAs(Explanations.ROW_USE)));
                names.putIfAbsent(person, r.getAs(Columns.NAME));
                units.add(r.getAs(Columns.EMPLOYER_ID));
            }
        }
        Dataset<Row> registry = bronze(Tables.REGISTRY.name(), versions);
        if (registry != null) {
            registry.filter(in(col(Columns.PERSON_ID), persons)).select(Columns.PERSON_ID, Columns.NAME).collectAsList()
                    .forEach(r -> names.put(r.getString(0), r.getString(1))); // the registry's name wins
        }
        claims.values().forEach(cl -> {
            if (cl.claimantId() != null && !cl.claimantId().equals(cl.personId())) {
                units.add(cl.claimantId());
            }
        });

        // units (employers) and cards or accounts
        Map<String, UnitView> unitViews = new TreeMap<>();
        Dataset<Row> employers = bronze(Tables.EMPLOYERS.name(), versions);
        if (employers != null) {
            for (Row e : employers.filter(in(col(Columns.EMPLOYER_ID), units).or(in(col(Columns.BANK_ACCOUNT), cardNodes)))
                    .collectAsList()) {
                UnitView u = new UnitView(e.getAs(Columns.EMPLOYER_ID), e.getAs(Columns.NAME), e.getAs(Columns.REGISTERED_DISTRICT),
                        e.getAs(Columns.UNIT_TYPE), text(e.getAs(Columns.DISPATCH_LICENSED)), e.getAs(Columns.BANK_ACCOUNT));
                unitViews.put(u.employerId(), u);
            }
        }
        List<CardView> cards = new ArrayList<>();
        Dataset<Row> cardRows = bronze(Tables.CARDS.name(), versions);
        if (cardRows != null) {
            for (Row r : cardRows.filter(in(col(Columns.PERSON_ID), persons).or(in(col(Columns.CARD_NO), cardNodes)))
                    .orderBy(Columns.CARD_NO, Columns.PERSON_ID).collectAsList()) {
                cards.add(new CardView(r.getAs(Columns.CARD_NO), r.getAs(Columns.PERSON_ID), text(r.getAs(Columns.FINANCIAL_ENABLED)),
                        r.getAs(Columns.STATUS), text(r.getAs(Columns.ACTIVATED_ON))));
            }
        }

        // months already paid (a PAY entry of this cycle or an earlier one): a CONFIRMED flag cannot hold them
        Set<String> paid = new LinkedHashSet<>();
        Ledger.read(spark, warehouse).filter(col(Columns.CYCLE).leq(c)
                        .and(col(Ledger.ENTRY_TYPE).equalTo(Codes.PaymentStatus.PAY))
                        .and(in(col(Columns.CLAIM_ID), claims.keySet())))
                .select(Columns.CLAIM_ID, Columns.MONTH).collectAsList()
                .forEach(r -> paid.add(r.getString(0) + "|" + r.getInt(1)));

        List<FlagView> flags = new ArrayList<>();
        for (Row f : flagRows) {
            flags.add(flagView(f, c, rules, claims, unitViews));
        }
        return new CycleView(c, rules, flags, claims, personMonths, contributions, names, unitViews, cards, paid, tokens,
                nextPaymentCycle(c, rules));
    }

    private FlagView flagView(Row f, int c, Rules rules, Map<String, ClaimView> claims, Map<String, UnitView> units) {
        List<String> namedClaims = strings(f, FlagTable.NAMED_CLAIMS);
        List<String> namedPersons = strings(f, FlagTable.NAMED_PERSONS);
        List<String> nodes = strings(f, FlagTable.LINKED_NODES);
        Set<String> districts = new TreeSet<>();
        for (ClaimView cl : claims.values()) {
            if (namedClaims.contains(cl.claimId()) || namedPersons.contains(cl.personId())) {
                districts.add(cl.district());
            }
        }
        for (String node : nodes) {
            UnitView u = NodeTokens.typeOf(node).equals(FlagTable.UNIT) ? units.get(NodeTokens.idOf(node)) : null;
            if (u != null && u.district() != null) {
                districts.add(u.district());
            }
        }
        String severity = f.getAs(Columns.SEVERITY);
        Integer size = f.getAs(Columns.GROUP_SIZE);
        return new FlagView(f.getAs(Columns.FLAG_ID), c, f.getAs(Columns.RULE), f.getAs(Columns.SUBJECT_TYPE),
                f.getAs(Columns.SUBJECT_ID), severity, rules.riskPoints(severity), f.getAs(Columns.EVIDENCE),
                f.getAs(Columns.GROUP_ID), size == null ? 0 : size, namedClaims, namedPersons, nodes, List.copyOf(districts));
    }

    private static int nextPaymentCycle(int c, Rules rules) {
        for (int m = Months.plus(c, 1); m <= Months.plus(c, 24); m = Months.plus(m, 1)) {
            if (rules.isPaymentCycle(m)) {
                return m;
            }
        }
        return 0;
    }

    private Dataset<Row> gold(String table, int c) {
        return Warehouse.read(spark, warehouse.gold(table)).filter(col(Columns.CYCLE).equalTo(c));
    }

    /** A bronze table at the version the cycle recorded (the latest when none was); null when absent. */
    private Dataset<Row> bronze(String table, Map<String, Long> versions) {
        String path = warehouse.bronze(table);
        if (!Warehouse.exists(path)) {
            return null;
        }
        Long v = versions.get(table);
        return v == null || v < 0 ? Warehouse.read(spark, path) : Warehouse.readVersion(spark, path, v);
    }

    private static Column in(Column c, Collection<String> values) {
        return values.isEmpty() ? lit(false) : c.isin(values.toArray());
    }

    private static List<String> strings(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? List.of() : List.copyOf(r.<String>getList(i));
    }

    private static String explain(String reason, Rules rules) {
        if (reason == null || reason.isEmpty()) {
            return "";
        }
        Explanations.Explanation e = Explanations.of(reason, rules);
        return e == null ? "" : e.meaning() + " [" + e.rule() + ", " + e.source() + "]";
    }

    static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    // ---------------------------------------------------------------- views of the loaded data

    /** Latest decision per flag_id ({@link Reviews#latest}) and every decision, newest first. */
    public record ReviewState(Map<String, String> latest, Map<String, List<ReviewView>> history) {
        /** CONFIRMED, DISMISSED, or UNREVIEWED. */
        public String status(String flagId) {
            return latest.getOrDefault(flagId, WorkbenchViews.UNREVIEWED);
        }

        public List<ReviewView> of(String flagId) {
            return history.getOrDefault(flagId, List.of());
        }
    }

    /** One cycle as the workbench shows it. */
    public record CycleView(int cycle, Rules rules, List<FlagView> flags, Map<String, ClaimView> claims,
                            Map<String, List<PersonMonthView>> personMonths, Map<String, List<ContributionView>> contributions,
                            Map<String, String> names, Map<String, UnitView> units, List<CardView> cards, Set<String> paid,
                            NodeTokens tokens, int nextPaymentCycle) {

        public Optional<FlagView> flag(String flagId) {
            return flags.stream().filter(f -> f.flagId().equals(flagId)).findFirst();
        }

        /** Sum of the severity points (policy risk_score_points) of the flags in each group of this cycle. */
        public Map<String, Integer> groupScores() {
            Map<String, Integer> out = new HashMap<>();
            flags.forEach(f -> out.merge(f.groupId() == null ? f.flagId() : f.groupId(), f.points(), Integer::sum));
            return out;
        }

        /**
         * The queue: flags passing the filters (null or blank: any), by risk: the group's score,
         * then the flag's own points, then rule and subject.
         */
        public List<QueueRow> queue(String rule, String severity, String district, String status, ReviewState reviews) {
            Map<String, Integer> scores = groupScores();
            List<QueueRow> out = new ArrayList<>();
            for (FlagView f : flags) {
                String st = reviews.status(f.flagId());
                if (matches(rule, f.rule()) && matches(severity, f.severity()) && matches(status, st)
                        && (blank(district) || f.districts().contains(district))) {
                    out.add(new QueueRow(f, scores.get(f.groupId() == null ? f.flagId() : f.groupId()), st));
                }
            }
            out.sort(Comparator.comparing(QueueRow::groupScore).reversed()
                    .thenComparing(q -> -q.flag().points())
                    .thenComparing(q -> q.flag().rule())
                    .thenComparing(q -> q.flag().subjectId()));
            return out;
        }

        /** Flags per rule (all flags of the cycle), by rule name. */
        public Map<String, Integer> countsPerRule() {
            Map<String, Integer> out = new TreeMap<>();
            flags.forEach(f -> out.merge(f.rule(), 1, Integer::sum));
            return out;
        }

        public List<String> districts() {
            Set<String> out = new TreeSet<>();
            flags.forEach(f -> out.addAll(f.districts()));
            return List.copyOf(out);
        }

        /** The claims a decision on this flag concerns: those it names and those about the persons it names. */
        public List<ClaimView> claimsOf(FlagView f) {
            List<ClaimView> out = new ArrayList<>();
            for (ClaimView cl : claims.values()) {
                if (f.namedClaims().contains(cl.claimId()) || f.namedPersons().contains(cl.personId())) {
                    out.add(cl);
                }
            }
            return out;
        }

        /** The persons whose evidence the flag page shows: named, linked, or the workers of its claims. */
        public List<String> personsOf(FlagView f) {
            Set<String> out = new TreeSet<>(f.namedPersons());
            f.linkedNodes().stream().filter(n -> NodeTokens.typeOf(n).equals(FlagTable.PERSON))
                    .forEach(n -> out.add(NodeTokens.idOf(n)));
            claimsOf(f).forEach(cl -> out.add(cl.personId()));
            return List.copyOf(out);
        }

        /** Units the flag links, the units of its persons' contribution rows, and the claimant units of its claims. */
        public List<UnitView> unitsOf(FlagView f) {
            Set<String> ids = new TreeSet<>();
            f.linkedNodes().stream().filter(n -> NodeTokens.typeOf(n).equals(FlagTable.UNIT))
                    .forEach(n -> ids.add(NodeTokens.idOf(n)));
            for (String p : personsOf(f)) {
                contributions.getOrDefault(p, List.of()).forEach(r -> ids.add(r.employerId()));
            }
            claimsOf(f).forEach(cl -> ids.add(cl.claimantId()));
            Set<String> cardIds = new TreeSet<>();
            f.linkedNodes().stream().filter(n -> NodeTokens.typeOf(n).equals(FlagTable.CARD))
                    .forEach(n -> cardIds.add(NodeTokens.idOf(n)));
            List<UnitView> out = new ArrayList<>();
            units.values().forEach(u -> {
                if (ids.contains(u.employerId()) || cardIds.contains(u.bankAccount())) {
                    out.add(u);
                }
            });
            return out;
        }

        /** Cards of the flag's persons and the cards or accounts it links. */
        public List<CardView> cardsOf(FlagView f) {
            List<String> people = personsOf(f);
            Set<String> cardIds = new TreeSet<>();
            f.linkedNodes().stream().filter(n -> NodeTokens.typeOf(n).equals(FlagTable.CARD))
                    .forEach(n -> cardIds.add(NodeTokens.idOf(n)));
            return cards.stream().filter(cd -> people.contains(cd.personId()) || cardIds.contains(cd.cardNo())).toList();
        }

        /**
         * What a CONFIRMED decision holds: per claim, its PAYABLE months of this cycle not paid yet.
         * Those are HELD with reason FLAG_CONFIRMED from the next cycle on (a HELD line in the
         * next payment cycle's files), with any later month of the same claims, until a DISMISSED.
         */
        public List<HeldClaim> wouldHold(FlagView f) {
            List<HeldClaim> out = new ArrayList<>();
            for (ClaimView cl : claimsOf(f)) {
                List<Integer> months = new ArrayList<>();
                java.math.BigDecimal total = java.math.BigDecimal.ZERO;
                for (ClaimMonthView m : cl.months()) {
                    if (Codes.MonthStatus.PAYABLE.equals(m.status()) && !paid.contains(cl.claimId() + "|" + m.month())) {
                        months.add(m.month());
                        total = total.add(new java.math.BigDecimal(m.amount().isEmpty() ? "0" : m.amount()));
                    }
                }
                out.add(new HeldClaim(cl.claimId(), cl.subsidy(), months, total.setScale(2).toPlainString()));
            }
            return out;
        }

        /** The linked group of this flag as a graph: every flag of the cycle in the same group. */
        public Graph graph(FlagView f) {
            Map<String, GraphNode> nodes = new LinkedHashMap<>();
            List<GraphEdge> edges = new ArrayList<>();
            for (FlagView g : flags) {
                boolean sameGroup = f.groupId() == null ? g.flagId().equals(f.flagId()) : f.groupId().equals(g.groupId());
                if (!sameGroup || g.linkedNodes().isEmpty()) {
                    continue;
                }
                for (String n : g.linkedNodes()) {
                    nodes.computeIfAbsent(n, k -> node(k, f));
                }
                String hub = g.linkedNodes().get(0);
                for (String n : g.linkedNodes().subList(1, g.linkedNodes().size())) {
                    edges.add(new GraphEdge(tokens.token(hub), tokens.token(n), g.rule(), g.flagId()));
                }
            }
            return new Graph(f.groupId(), List.copyOf(nodes.values()), edges);
        }

        private GraphNode node(String typed, FlagView current) {
            String type = NodeTokens.typeOf(typed);
            String id = NodeTokens.idOf(typed);
            String label = switch (type) {
                case FlagTable.PERSON -> names.getOrDefault(id, "");
                case FlagTable.UNIT -> units.containsKey(id) ? units.get(id).name() : "";
                default -> "";
            };
            return new GraphNode(tokens.token(typed), type, id, label, current.linkedNodes().contains(typed));
        }

        /** Flags of this cycle that link the node (typed id, e.g. PERSON:5205…). */
        public List<FlagView> flagsOfNode(String typedNode) {
            return flags.stream().filter(f -> f.linkedNodes().contains(typedNode)
                    || (f.subjectType() + ":" + f.subjectId()).equals(typedNode)).toList();
        }

        private static boolean matches(String wanted, String value) {
            return blank(wanted) || wanted.trim().equalsIgnoreCase(value);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
