package wengang.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.screening.Reviews;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;

/** A reviewer CONFIRMED a flag naming a claim or a person: its payable months are HELD (FLAG_CONFIRMED) until cleared. */
class FlagConfirmedHoldTest {
    static final String P = person(181);
    static final String Q = person(182);
    static final String UNIT = unit(181);

    @Test
    void confirmedFlagHoldsTheNamedClaimAndPersonUntilDismissed() {
        Fixture f = new Fixture().enterprise(UNIT, TIANHE)
                .alleviated(P, BIJIE_QIXINGGUAN).alleviated(Q, BIJIE_QIXINGGUAN).card(P, "c1").card(Q, "c2")
                .worked(P, UNIT, 202310, 202312).worked(Q, UNIT, 202310, 202312)
                .claim("C-P", Subsidy.LIVING, P, TIANHE, 202310, 202312, "2023-12-01")
                .claim("C-Q", Subsidy.LIVING, Q, TIANHE, 202310, 202312, "2023-12-01");
        Dataset<Row> confirmed = reviews(review("F1", "CONFIRMED", "2023-12-20 10:00:00", List.of("C-P"), List.of()));
        CycleResult held = CycleComputation.compute(CycleHarness.sources(f, confirmed), CycleHarness.emptyLedger(),
                CycleHarness.policy(), 202401);
        assertThat(CycleHarness.outcome(held, "C-P").values()).containsOnly("PAYABLE FLAG_CONFIRMED");
        assertThat(CycleHarness.outcome(held, "C-Q").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.ledgerEntries(held)).filteredOn(e -> e.<String>getAs("claim_id").equals("C-P"))
                .hasSize(3).allSatisfy(e -> assertThat(e.<String>getAs("entry_type")).isEqualTo("HELD"));
        assertThat(CycleHarness.decisions(held).get("C-P").getString(3)).isEqualTo("FLAG_CONFIRMED");

        // a later DISMISSED clears it: the months are paid
        Dataset<Row> cleared = reviews(
                review("F1", "CONFIRMED", "2023-12-20 10:00:00", List.of("C-P"), List.of()),
                review("F1", "DISMISSED", "2023-12-28 10:00:00", List.of("C-P"), List.of()));
        CycleResult released = CycleComputation.compute(CycleHarness.sources(f, cleared), CycleHarness.emptyLedger(),
                CycleHarness.policy(), 202401);
        assertThat(CycleHarness.outcome(released, "C-P").values()).containsOnly("PAYABLE");
    }

    @Test
    void confirmedPersonFlagHoldsEveryClaimOfThePerson() {
        Fixture f = new Fixture().enterprise(UNIT, TIANHE).alleviated(P, BIJIE_QIXINGGUAN).card(P, "c1")
                .worked(P, UNIT, 202310, 202312)
                .claim("C-LIVING", Subsidy.LIVING, P, TIANHE, 202310, 202312, "2023-12-01")
                .claim("C-SI", Subsidy.SI_SUBSIDY, P, TIANHE, 202310, 202312, "2023-12-01");
        Dataset<Row> confirmed = reviews(review("F2", "CONFIRMED", "2023-12-20 10:00:00", List.of(), List.of(P)));
        CycleResult r = CycleComputation.compute(CycleHarness.sources(f, confirmed), CycleHarness.emptyLedger(),
                CycleHarness.policy(), 202401);
        assertThat(CycleHarness.outcome(r, "C-LIVING").values()).containsOnly("PAYABLE FLAG_CONFIRMED");
        assertThat(CycleHarness.outcome(r, "C-SI").values()).containsOnly("PAYABLE FLAG_CONFIRMED");
    }

    private static Row review(String flagId, String decision, String at, List<String> claims, List<String> persons) {
        return RowFactory.create(flagId, decision, "checked", "tester", Timestamp.valueOf(at), "SHARED_ACCOUNT", "CARD", "c1",
                scala.jdk.javaapi.CollectionConverters.asScala(claims).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(persons).toSeq());
    }

    private static Dataset<Row> reviews(Row... rows) {
        return TestSpark.session().createDataFrame(List.of(rows), Reviews.SCHEMA);
    }
}
