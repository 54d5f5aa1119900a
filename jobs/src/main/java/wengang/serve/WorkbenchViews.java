package wengang.serve;

import java.util.List;

/** The plain values the workbench's pages show (read once from the warehouse by {@link Workbench}). */
public final class WorkbenchViews {
    /** Review status of a flag no reviewer decided yet. */
    public static final String UNREVIEWED = "UNREVIEWED";

    private WorkbenchViews() {}

    /** A stored flag of one cycle; points: its severity's risk points (policy risk_score_points). */
    public record FlagView(String flagId, int cycle, String rule, String subjectType, String subjectId, String severity,
                           int points, String evidence, String groupId, int groupSize, List<String> namedClaims,
                           List<String> namedPersons, List<String> linkedNodes, List<String> districts) {}

    /** A queue line: the flag, the score of its group, its latest review status. */
    public record QueueRow(FlagView flag, int groupScore, String status) {}

    public record ReviewView(String decision, String note, String reviewer, String reviewedAt) {}

    public record ClaimView(String claimId, String subsidy, String personId, String claimantId, String district,
                            String decision, String approvedAmount, String reasons, List<ClaimMonthView> months) {}

    public record ClaimMonthView(int month, String status, String amount, String reason, String explanation) {}

    public record PersonMonthView(int month, String status, String unitId, String district, String spell,
                                  String siAmount, String reason, String explanation) {}

    /** A bronze contribution row with its input line and how the cycle used it (USED, NOT_VISIBLE, LATER_MONTH). */
    public record ContributionView(String line, int month, String insuranceType, String payStatus, String paidOn,
                                   String employerId, String userUnitId, String staffType, String base,
                                   String personalAmount, String use) {}

    public record CardView(String cardNo, String personId, String financialEnabled, String status, String activatedOn) {}

    public record UnitView(String employerId, String name, String district, String unitType, String dispatchLicensed,
                           String bankAccount) {}

    /** What a CONFIRMED decision would hold of one claim: its payable months not yet paid. */
    public record HeldClaim(String claimId, String subsidy, List<Integer> months, String amount) {}

    /** A node of a linked group: token (its URL name), type, full id, a label (name), whether the flag links it. */
    public record GraphNode(String token, String type, String id, String label, boolean linkedByFlag) {}

    /** A flagged link between two nodes (by token), labelled with the flag's rule. */
    public record GraphEdge(String source, String target, String rule, String flagId) {}

    public record Graph(String groupId, List<GraphNode> nodes, List<GraphEdge> edges) {}
}
