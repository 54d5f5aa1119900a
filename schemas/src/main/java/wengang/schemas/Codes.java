package wengang.schemas;

import java.util.List;

/**
 * The contract's code vocabularies. These are names of the data format, not policy
 * parameters: which of them a policy covers (e.g. which statuses, which insurance
 * types) lives in the policy file under conf/.
 */
public final class Codes {
    private Codes() {}

    public static final class InsuranceType {
        public static final String ENTERPRISE_PENSION = "110";
        public static final String PUBLIC_PENSION = "120";
        public static final String UNEMPLOYMENT = "210";
        public static final String MEDICAL = "310";
        public static final String WORK_INJURY = "410";
        public static final String MATERNITY = "510";
        public static final List<String> ALL = List.of(ENTERPRISE_PENSION, PUBLIC_PENSION, UNEMPLOYMENT,
                MEDICAL, WORK_INJURY, MATERNITY);
        private InsuranceType() {}
    }

    public static final class PayStatus {
        public static final String PAID = "PAID";
        public static final String OWED = "OWED";
        public static final String REVERSED = "REVERSED";
        public static final List<String> ALL = List.of(PAID, OWED, REVERSED);
        private PayStatus() {}
    }

    public static final class StaffType {
        public static final String REGULAR = "REGULAR";
        public static final String DISPATCHED = "DISPATCHED";
        public static final String ESTABLISHED = "ESTABLISHED";
        public static final List<String> ALL = List.of(REGULAR, DISPATCHED, ESTABLISHED);
        private StaffType() {}
    }

    public static final class UnitType {
        public static final String ENTERPRISE = "ENTERPRISE";
        public static final String PUBLIC_INSTITUTION = "PUBLIC_INSTITUTION";
        public static final String GOVERNMENT = "GOVERNMENT";
        public static final String SOCIAL_ORG = "SOCIAL_ORG";
        public static final List<String> ALL = List.of(ENTERPRISE, PUBLIC_INSTITUTION, GOVERNMENT, SOCIAL_ORG);
        private UnitType() {}
    }

    public static final class RegistryStatus {
        public static final String ALLEVIATED = "ALLEVIATED";
        public static final String MONITORED = "MONITORED";
        public static final List<String> ALL = List.of(ALLEVIATED, MONITORED);
        private RegistryStatus() {}
    }

    public static final class RemovalReason {
        public static final String DECEASED = "DECEASED";
        public static final String OTHER = "OTHER";
        public static final List<String> ALL = List.of(DECEASED, OTHER);
        private RemovalReason() {}
    }

    public static final class Subsidy {
        public static final String SI_SUBSIDY = "SI_SUBSIDY";
        public static final String LIVING = "LIVING";
        public static final String TRANSPORT = "TRANSPORT";
        public static final String DISPATCH_ONE_TIME = "DISPATCH_ONE_TIME";
        public static final String TRAINING = "TRAINING";
        public static final List<String> ALL = List.of(SI_SUBSIDY, LIVING, TRANSPORT, DISPATCH_ONE_TIME, TRAINING);
        /** Subsidies decided per claimed month (the others have one row per claim). */
        public static final List<String> MONTHLY = List.of(SI_SUBSIDY, LIVING);
        /** Subsidies paid to a unit's bank account rather than a worker's card. */
        public static final List<String> UNIT = List.of(DISPATCH_ONE_TIME, TRAINING);
        private Subsidy() {}
    }

    public static final class Scheme {
        public static final String CITY_2023 = "CITY_2023";
        public static final String CITY_2021 = "CITY_2021";
        public static final String DISTRICT = "DISTRICT";
        public static final List<String> ALL = List.of(CITY_2023, CITY_2021, DISTRICT);
        private Scheme() {}
    }

    public static final class CardStatus {
        public static final String ACTIVE = "ACTIVE";
        public static final String LOST = "LOST";
        public static final String CANCELLED = "CANCELLED";
        public static final List<String> ALL = List.of(ACTIVE, LOST, CANCELLED);
        private CardStatus() {}
    }

    public static final class MonthStatus {
        public static final String PAYABLE = "PAYABLE";
        public static final String PENDING = "PENDING";
        public static final String REJECTED = "REJECTED";
        private MonthStatus() {}
    }

    public static final class Decision {
        public static final String APPROVED = "APPROVED";
        public static final String PARTIAL = "PARTIAL";
        public static final String REJECTED = "REJECTED";
        public static final String PENDING = "PENDING";
        private Decision() {}
    }

    public static final class PaymentStatus {
        public static final String PAY = "PAY";
        public static final String HELD = "HELD";
        private PaymentStatus() {}
    }

    public static final class PayeeType {
        public static final String PERSON = "PERSON";
        public static final String UNIT = "UNIT";
        private PayeeType() {}
    }
}
