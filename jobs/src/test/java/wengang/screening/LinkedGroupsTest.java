package wengang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import wengang.schemas.Codes.RegistryStatus;
import wengang.schemas.Codes.UnitType;
import wengang.schemas.Columns;
import wengang.testing.TestSpark;

/**
 * Contract "Screening flags": flag_id is a hash of rule, subject and evidence keys
 * (stable across runs, not the group); group_id / group_size name the connected group
 * of people, cards and units linked by flagged links (large-star / small-star).
 */
class LinkedGroupsTest {
    static final String A1 = unit(311), A2 = unit(312), A3 = unit(313), U9 = unit(319);
    static final String W1 = person(311), W2 = person(312), W3 = person(313), P9 = person(319);
    private static Map<String, Row> ring;

    /** A path of 12 nodes whose ids are scrambled along it, edges in scrambled order: one component, several rounds. */
    @Test
    void aLongChainNeedsSeveralRoundsAndEndsInOneComponent() {
        String[] path = {"n07", "n03", "n11", "n00", "n09", "n05", "n01", "n10", "n04", "n08", "n02", "n06"};
        List<Row> edges = new ArrayList<>();
        int[] order = {5, 0, 9, 3, 7, 1, 10, 4, 8, 2, 6};
        for (int i : order) {
            // alternate directions: the graph is undirected
            edges.add(i % 2 == 0 ? RowFactory.create(path[i], path[i + 1]) : RowFactory.create(path[i + 1], path[i]));
        }
        edges.add(RowFactory.create("x2", "x1"));
        edges.add(RowFactory.create("x3", "x2"));
        edges.add(RowFactory.create("x3", "x3"));
        SparkSession spark = TestSpark.session();
        StructType edgeSchema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
        StructType nodeSchema = new StructType().add("node", DataTypes.StringType);
        ConnectedComponents.Result r = ConnectedComponents.of(spark.createDataFrame(edges, edgeSchema),
                spark.createDataFrame(List.of(RowFactory.create("alone"), RowFactory.create("n05")), nodeSchema));

        Map<String, String> labels = new TreeMap<>();
        r.labels().collectAsList().forEach(row -> labels.put(row.getString(0), row.getString(1)));
        assertThat(labels).hasSize(12 + 3 + 1);
        for (String n : path) {
            assertThat(labels).containsEntry(n, "n00");
        }
        assertThat(labels).containsEntry("x1", "x1").containsEntry("x2", "x1").containsEntry("x3", "x1")
                .containsEntry("alone", "alone");
        assertThat(r.rounds()).as("rounds, the last one changing nothing").isGreaterThanOrEqualTo(3);
    }

    /**
     * Three agencies in a ring: A1 and A2 share a bank account, A3's account is worker W1's card, A1 claims W1
     * in two years, A2 and A3 both claim W2 in 2023, A3 and A1 both claim W3 in 2024. One group of 8 nodes
     * (2 accounts, 3 agencies, 3 workers); an unrelated name mismatch is a group of its own.
     */
    @Test
    void aRingOfAgenciesSharingAccountsAndSwappingWorkersIsOneGroup() {
        Map<String, Row> flags = ring();
        assertThat(flags).containsOnlyKeys("AGENCY_REPEAT " + A1, "MULTI_AGENCY_SAME_YEAR " + W2,
                "MULTI_AGENCY_SAME_YEAR " + W3, "NAME_MISMATCH " + P9, "SHARED_ACCOUNT ACC-RING", "SHARED_ACCOUNT CARD-W1");
        flags.forEach((key, f) -> {
            boolean lone = key.startsWith("NAME_MISMATCH");
            assertThat(f.getString(f.fieldIndex(Columns.GROUP_ID))).as(key)
                    .isEqualTo(lone ? "PERSON:" + P9 : "CARD:ACC-RING");
            assertThat(f.getInt(f.fieldIndex(Columns.GROUP_SIZE))).as(key).isEqualTo(lone ? 2 : 8);
        });
    }

    /** The same data gives the same ids; a new evidence key gives a new id; a new group alone does not. */
    @Test
    void flagIdsAreStableAndChangeOnlyWithTheirEvidence() {
        Map<String, String> before = ids(ring());
        assertThat(before.values()).allMatch(id -> id.matches("F[0-9a-f]{16}")).doesNotHaveDuplicates();
        assertThat(ids(ScreeningData.byRuleAndSubject(Screening.flags(ringData("ACC-U9").inputs(202501),
                ScreeningData.rules(202501), 202501)))).isEqualTo(before);

        // U9, the unit of P9's misspelt name, now shares the ring's account: a new holder of ACC-RING
        ScreeningData changed = ringData("ACC-RING");
        Map<String, Row> after = ScreeningData.byRuleAndSubject(Screening.flags(changed.inputs(202501),
                ScreeningData.rules(202501), 202501));
        Map<String, String> afterIds = ids(after);
        assertThat(afterIds.get("SHARED_ACCOUNT ACC-RING")).isNotEqualTo(before.get("SHARED_ACCOUNT ACC-RING"));
        before.keySet().stream().filter(k -> !k.equals("SHARED_ACCOUNT ACC-RING"))
                .forEach(k -> assertThat(afterIds.get(k)).as(k).isEqualTo(before.get(k)));
        Row lone = after.get("NAME_MISMATCH " + P9);
        assertThat(lone.getString(lone.fieldIndex(Columns.GROUP_ID))).isEqualTo("CARD:ACC-RING");
        assertThat(lone.getInt(lone.fieldIndex(Columns.GROUP_SIZE))).isEqualTo(10);
    }

    static synchronized Map<String, Row> ring() {
        if (ring == null) {
            ring = ScreeningData.byRuleAndSubject(Screening.flags(ringData("ACC-U9").inputs(202501), ScreeningData.rules(202501), 202501));
        }
        return ring;
    }

    /** The ring, and P9 (registry name 李四) working at U9 whose bank account is {@code u9Account}. */
    static ScreeningData ringData(String u9Account) {
        ScreeningData d = new ScreeningData();
        d.f.employer(A1, "环一", YUEXIU, UnitType.ENTERPRISE, true, "ACC-RING")
                .employer(A2, "环二", HAIZHU, UnitType.ENTERPRISE, true, "ACC-RING")
                .employer(A3, "环三", TIANHE, UnitType.ENTERPRISE, true, "CARD-W1")
                .employer(U9, "玖", YUEXIU, UnitType.ENTERPRISE, false, u9Account)
                .alleviated(W1, BIJIE_QIXINGGUAN).alleviated(W2, BIJIE_QIXINGGUAN).alleviated(W3, BIJIE_QIXINGGUAN)
                .card(W1, "CARD-W1").card(W2, "CARD-W2").card(W3, "CARD-W3")
                .registry(P9, "李四", BIJIE_QIXINGGUAN, RegistryStatus.ALLEVIATED, "2020-01-01", null, null)
                .worked(P9, U9, 202401, 202402);
        FlagRulesTest.dispatch(d.f, "D-1", W1, A1, 202303, "2023-04-18");
        FlagRulesTest.dispatch(d.f, "D-2", W1, A1, 202404, "2024-05-20");
        FlagRulesTest.dispatch(d.f, "D-3", W2, A2, 202303, "2023-04-18");
        FlagRulesTest.dispatch(d.f, "D-4", W2, A3, 202310, "2023-11-02");
        FlagRulesTest.dispatch(d.f, "D-5", W3, A3, 202404, "2024-05-20");
        FlagRulesTest.dispatch(d.f, "D-6", W3, A1, 202408, "2024-09-10");
        return d;
    }

    private static Map<String, String> ids(Map<String, Row> flags) {
        Map<String, String> out = new TreeMap<>();
        flags.forEach((k, f) -> out.put(k, f.getString(f.fieldIndex(Columns.FLAG_ID))));
        return out;
    }
}
