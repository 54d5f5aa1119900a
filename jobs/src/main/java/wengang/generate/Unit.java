package wengang.generate;

import java.io.Serializable;
import wengang.schemas.Codes.UnitType;

/**
 * A unit (employer) of the synthetic province: the employers-table columns plus the
 * region its contributions are insured in (the city of its registered district) and
 * whether its payroll system writes an ID's check character as a lower-case x.
 */
record Unit(long index, String id, String name, String district, String region, String unitType,
            boolean licensed, String bankAccount, boolean lowerCaseX) implements Serializable {

    boolean inGuangzhou() {
        return Geography.GUANGZHOU.equals(region);
    }

    /** Government organs and public institutions (编制 units): may hold established staff. */
    boolean establishment() {
        return UnitType.GOVERNMENT.equals(unitType) || UnitType.PUBLIC_INSTITUTION.equals(unitType);
    }

    /** The unit with another bank account (two units sharing one, a unit using a worker's card). */
    Unit withBankAccount(String account) {
        return new Unit(index, id, name, district, region, unitType, licensed, account, lowerCaseX);
    }

    /** The employers row, in contract column order. */
    String[] row() {
        return new String[] {id, name, district, unitType, Boolean.toString(licensed), bankAccount};
    }
}
