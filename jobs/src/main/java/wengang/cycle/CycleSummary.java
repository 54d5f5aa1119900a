package wengang.cycle;

import java.math.BigDecimal;
import java.util.Map;
import wengang.engine.Location;
import wengang.schemas.Months;

/** What one cycle run did: printed at the end of `run` and recorded in meta/cycle_runs. */
public record CycleSummary(int cycle, String policyLabel, String policySha256, Map<String, Long> inputVersions,
                           boolean paymentCycle, long claimsDecided, Map<String, Long> decisions, long ledgerEntries,
                           boolean ledgerReused, BigDecimal payTotal, BigDecimal heldTotal, long flags,
                           long eligibleUnclaimed, Location outDir, java.util.List<String> alerts) {

    public CycleSummary {
        alerts = java.util.List.copyOf(alerts);
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("cycle ").append(Months.formatDashed(cycle)).append(" under ").append(policyLabel)
                .append(paymentCycle ? " (payment cycle)" : " (not a payment cycle: decisions only, ledger unchanged)")
                .append('\n');
        b.append("  input versions: ").append(inputVersions).append('\n');
        b.append("  claims decided: ").append(claimsDecided).append(' ').append(decisions).append('\n');
        if (paymentCycle) {
            b.append("  ledger entries this cycle: ").append(ledgerEntries)
                    .append(ledgerReused ? " (already recorded by an earlier run of this cycle: reused)" : "").append('\n');
            b.append("  to pay: ").append(payTotal.toPlainString()).append(" yuan; held: ").append(heldTotal.toPlainString())
                    .append(" yuan").append('\n');
        }
        b.append("  screening flags: ").append(flags).append("; eligible but unclaimed (person x district): ")
                .append(eligibleUnclaimed).append('\n');
        b.append("  alerts on the metric history: ").append(alerts.isEmpty() ? "none" : alerts.size()).append('\n');
        alerts.forEach(a -> b.append("    ").append(a).append('\n'));
        b.append("  outputs: ").append(outDir).append('\n');
        b.append("  report: ").append(outDir.resolve(wengang.report.AnalystReport.FILE));
        return b.toString();
    }
}
