package wengang.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import wengang.schemas.Codes.InsuranceType;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.UnitType;
import wengang.schemas.Months;

/**
 * One synthetic person and everything the input tables hold about them: registry rows,
 * cards, the months they worked (one {@link WorkMonth} per unit and month, rendered as
 * one contribution row per insurance type) and the claims made for them. Background
 * workers ({@link BackgroundWorkers}) and scripted anomaly persons ({@link AnomalyCases})
 * are both Workers, so both are rendered by the same code.
 */
final class Worker {
    /** The snapshot date: money that would arrive after it is still OWED in the extract. */
    static final LocalDate SNAPSHOT = LocalDate.of(2026, 1, 31);

    final long index;
    /** Canonical 18-character upper-case ID (ground truth and cards use it). */
    final String id;
    final String name;
    final String county;
    /** How the registry writes the ID: the canonical form or a legacy 15-digit number. */
    String registryId;
    /** How the worker writes their own ID on a claim (sometimes a lower-case x). */
    String selfId;
    /** The name the insurance system holds (the registry name, unless a case says otherwise). */
    String contributionName;
    final List<RegistryEntry> registry = new ArrayList<>();
    final List<CardEntry> cards = new ArrayList<>();
    final List<WorkMonth> months = new ArrayList<>();
    final List<Claim> claims = new ArrayList<>();
    private int claimCount;

    Worker(long index, String id, String name, String county) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.county = county;
        this.registryId = id;
        this.selfId = id;
        this.contributionName = name;
    }

    String nextClaimId(World world) {
        return world.claimId(index, claimCount++);
    }

    record RegistryEntry(String status, LocalDate from, LocalDate to, String removalReason) {}

    record CardEntry(String cardNo, boolean financialEnabled, String status, LocalDate activatedOn) {}

    record Claim(String claimId, String subsidy, String personId, String claimantId, String district, String scheme,
                 int periodFrom, int periodTo, LocalDate submittedOn, Long amountCents, Integer trainingHours,
                 Integer trainingDays, boolean dashedMonths) {
        String[] row() {
            return new String[] {claimId, subsidy, personId, claimantId, district, scheme,
                month(periodFrom), month(periodTo), submittedOn.toString(), Amounts.format(amountCents),
                trainingHours == null ? null : trainingHours.toString(),
                trainingDays == null ? null : trainingDays.toString()};
        }

        private String month(int yyyymm) {
            return dashedMonths ? Months.formatDashed(yyyymm) : Months.format(yyyymm);
        }
    }

    /** Insurance types of a month of work: enterprise staff; established staff of institutions and of organs. */
    static final List<String> ENTERPRISE_TYPES = List.of(InsuranceType.ENTERPRISE_PENSION, InsuranceType.UNEMPLOYMENT,
            InsuranceType.MEDICAL, InsuranceType.WORK_INJURY, InsuranceType.MATERNITY);
    static final List<String> INSTITUTION_TYPES = List.of(InsuranceType.PUBLIC_PENSION, InsuranceType.UNEMPLOYMENT,
            InsuranceType.MEDICAL, InsuranceType.WORK_INJURY, InsuranceType.MATERNITY);
    static final List<String> ORGAN_TYPES = List.of(InsuranceType.PUBLIC_PENSION, InsuranceType.MEDICAL,
            InsuranceType.WORK_INJURY, InsuranceType.MATERNITY);

    /** One month of work at one unit: the contribution rows of that person × unit × month. */
    static final class WorkMonth {
        final int month;
        final Unit unit;
        final String staffType;
        final Unit userUnit;
        final long baseCents;
        String payStatus = PayStatus.PAID;
        LocalDate paidOn;
        /** A 110 posting that was cancelled again: an extra REVERSED row beside the PAID one. */
        boolean reversedExtra;

        WorkMonth(int month, Unit unit, String staffType, Unit userUnit, long baseCents, LocalDate paidOn) {
            this.month = month;
            this.unit = unit;
            this.staffType = staffType;
            this.userUnit = userUnit;
            this.baseCents = baseCents;
            this.paidOn = paidOn;
        }

        void owe() {
            payStatus = PayStatus.OWED;
            paidOn = null;
        }

        boolean paid() {
            return PayStatus.PAID.equals(payStatus);
        }

        boolean established() {
            return StaffType.ESTABLISHED.equals(staffType);
        }

        /** P3: a PAID enterprise pension (110) in Guangzhou this month. */
        boolean employedInGuangzhou() {
            return paid() && unit.inGuangzhou() && !established();
        }

        List<String> insuranceTypes() {
            if (established()) {
                return UnitType.PUBLIC_INSTITUTION.equals(unit.unitType()) ? INSTITUTION_TYPES : ORGAN_TYPES;
            }
            return ENTERPRISE_TYPES;
        }

        /** P7: the personal parts of 110, 210 and 310 (the SI subsidy of a payable month). */
        long siPersonalCents() {
            if (!employedInGuangzhou()) {
                return 0;
            }
            return Amounts.personal(InsuranceType.ENTERPRISE_PENSION, baseCents)
                    + Amounts.personal(InsuranceType.UNEMPLOYMENT, baseCents)
                    + Amounts.personal(InsuranceType.MEDICAL, baseCents);
        }
    }

    /** P3 months: PAID 110 in Guangzhou, in month order (background workers have at most one unit a month). */
    List<WorkMonth> employedMonths() {
        List<WorkMonth> out = new ArrayList<>();
        for (WorkMonth m : months) {
            if (m.employedInGuangzhou()) {
                out.add(m);
            }
        }
        out.sort((a, b) -> Integer.compare(a.month, b.month));
        return out;
    }

    /** P7 for a claim: the SI personal parts of every PAID Guangzhou month in [from, to], all units. */
    long siCents(int from, int to) {
        long sum = 0;
        for (WorkMonth m : months) {
            if (m.month >= from && m.month <= to) {
                sum += m.siPersonalCents();
            }
        }
        return sum;
    }

    // ---- rendering: one String[] per row, contract column order ----

    List<String[]> registryRows() {
        List<String[]> rows = new ArrayList<>(registry.size());
        for (RegistryEntry e : registry) {
            rows.add(new String[] {registryId, name, county, e.status(), e.from().toString(),
                e.to() == null ? null : e.to().toString(), e.removalReason()});
        }
        return rows;
    }

    List<String[]> cardRows() {
        List<String[]> rows = new ArrayList<>(cards.size());
        for (CardEntry c : cards) {
            rows.add(new String[] {id, c.cardNo(), Boolean.toString(c.financialEnabled()), c.status(),
                c.activatedOn() == null ? null : c.activatedOn().toString()});
        }
        return rows;
    }

    List<String[]> claimRows() {
        List<String[]> rows = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            rows.add(c.row());
        }
        return rows;
    }

    /** How many rows {@link #contributionRows} gives, without rendering them. */
    long contributionRowCount() {
        long n = 0;
        for (WorkMonth m : months) {
            n += m.insuranceTypes().size() + (m.reversedExtra ? 1 : 0);
        }
        return n;
    }

    List<String[]> contributionRows() {
        List<String[]> rows = new ArrayList<>(months.size() * 6);
        for (WorkMonth m : months) {
            String personId = m.unit.lowerCaseX() ? id.toLowerCase() : id;
            String userUnit = m.userUnit == null ? null : m.userUnit.id();
            String month = Integer.toString(m.month);
            String base = Amounts.format(m.baseCents);
            String paidOn = m.paidOn == null ? null : m.paidOn.toString();
            for (String type : m.insuranceTypes()) {
                rows.add(new String[] {personId, contributionName, m.unit.id(), userUnit, m.unit.region(), month, type,
                    base, Amounts.format(Amounts.personal(type, m.baseCents)),
                    Amounts.format(Amounts.employer(type, m.month, m.unit.inGuangzhou(), m.baseCents)),
                    m.payStatus, paidOn, m.staffType});
            }
            if (m.reversedExtra) {
                String type = InsuranceType.ENTERPRISE_PENSION;
                rows.add(new String[] {personId, contributionName, m.unit.id(), userUnit, m.unit.region(), month, type,
                    base, Amounts.format(Amounts.personal(type, m.baseCents)),
                    Amounts.format(Amounts.employer(type, m.month, m.unit.inGuangzhou(), m.baseCents)),
                    PayStatus.REVERSED, null, m.staffType});
            }
        }
        return rows;
    }
}
