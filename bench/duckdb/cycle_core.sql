-- The core of one verification cycle written as plain SQL for DuckDB: the reference a user
-- would pick instead of Spark (bench/run times it beside wengang's cycle and checks that both
-- agree). It reproduces the SI_SUBSIDY and LIVING claim months and their claim decisions of the
-- first payment cycle on a fresh warehouse (empty ledger, no reviews), from the generator's
-- Parquet files, with the logic of jobs/src/main/java/wengang/{eligibility,claims,decision}:
--
--   raw_*         views over the input Parquet files (every column a string, as in the CSV),
--                 created by wengang.bench.DuckDbReference before this script runs
--   getvariable() the cycle and the policy parameters, read by the runner from the policy file
--                 (conf/policies/guangzhou-2023.yaml, resolved as of the cycle's first day):
--                 nothing below is a policy number
--
-- Statements end with ';' at the end of a line (the runner splits there). Every CREATE is
-- OR REPLACE so the script can run twice in one connection (cold, then warm).

-- ---------------------------------------------------------------------------------------------
-- Typing as ingest does it (wengang.ingest.RowValidation): fields trimmed of blanks (space, tab,
-- no-break space, ideographic space), empty = absent, months yyyyMM or yyyy-MM, resident IDs in
-- their 18-character upper-case form (15-digit numbers upgraded, GB 11643).
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE MACRO txt(s) AS nullif(trim(s, ' ' || chr(9) || chr(160) || chr(12288)), '');
CREATE OR REPLACE MACRO yyyymm(s) AS CAST(replace(txt(s), '-', '') AS INTEGER);
CREATE OR REPLACE MACRO midx(m) AS (m // 100) * 12 + (m % 100) - 1;
CREATE OR REPLACE MACRO month_of(d) AS CAST(year(d) * 100 + month(d) AS INTEGER);
CREATE OR REPLACE MACRO first_day(m) AS make_date(CAST(m // 100 AS BIGINT), CAST(m % 100 AS BIGINT), 1);
CREATE OR REPLACE MACRO id_check(b) AS substr('10X98765432', 1 + ((
      7 * CAST(substr(b, 1, 1) AS INTEGER) + 9 * CAST(substr(b, 2, 1) AS INTEGER)
    + 10 * CAST(substr(b, 3, 1) AS INTEGER) + 5 * CAST(substr(b, 4, 1) AS INTEGER)
    + 8 * CAST(substr(b, 5, 1) AS INTEGER) + 4 * CAST(substr(b, 6, 1) AS INTEGER)
    + 2 * CAST(substr(b, 7, 1) AS INTEGER) + 1 * CAST(substr(b, 8, 1) AS INTEGER)
    + 6 * CAST(substr(b, 9, 1) AS INTEGER) + 3 * CAST(substr(b, 10, 1) AS INTEGER)
    + 7 * CAST(substr(b, 11, 1) AS INTEGER) + 9 * CAST(substr(b, 12, 1) AS INTEGER)
    + 10 * CAST(substr(b, 13, 1) AS INTEGER) + 5 * CAST(substr(b, 14, 1) AS INTEGER)
    + 8 * CAST(substr(b, 15, 1) AS INTEGER) + 4 * CAST(substr(b, 16, 1) AS INTEGER)
    + 2 * CAST(substr(b, 17, 1) AS INTEGER)) % 11), 1);
-- t: a trimmed ID. Upper case; a 15-digit legacy number gets the century 19 and its check character.
CREATE OR REPLACE MACRO id18(t) AS CASE
    WHEN length(t) = 15 AND regexp_full_match(t, '[0-9]{15}')
      THEN substr(t, 1, 6) || '19' || substr(t, 7) || id_check(substr(t, 1, 6) || '19' || substr(t, 7))
    ELSE upper(t) END;
-- id: an id18() result. GB 11643: 17 digits + check character, a real birth date from 1900-01-01
-- to latest (a cycle: its first day), the checksum
CREATE OR REPLACE MACRO id_valid(id, latest) AS coalesce(
    regexp_full_match(id, '[0-9]{17}[0-9X]')
    AND try_strptime(substr(id, 7, 8), '%Y%m%d')::DATE BETWEEN DATE '1900-01-01' AND latest
    AND id_check(substr(id, 1, 17)) = substr(id, 18, 1), false);

-- ---------------------------------------------------------------------------------------------
-- P5 as of the cycle: PAID contributions paid before the cycle's first day (rows without
-- paid_on are visible to every cycle), claims and grants submitted before it, cards usable at it.
-- ---------------------------------------------------------------------------------------------
-- claims.person_id: a valid ID (as of ingest's run date, today) is normalised, anything else kept
-- as given and decided INVALID_ID (as of the cycle's first day)
CREATE OR REPLACE TEMP TABLE claims_asof AS
SELECT claim_id, subsidy, CASE WHEN id_valid(pid18, current_date) THEN pid18 ELSE pid END AS person_id,
       district, scheme, period_from, period_to, submitted_on,
       id_valid(pid18, getvariable('cycle_first_day')) AS id_ok
FROM (SELECT *, id18(pid) AS pid18
      FROM (SELECT txt(claim_id) AS claim_id, txt(subsidy) AS subsidy, txt(person_id) AS pid,
                   txt(district) AS district, txt(scheme) AS scheme,
                   yyyymm(period_from) AS period_from, yyyymm(period_to) AS period_to,
                   CAST(txt(submitted_on) AS DATE) AS submitted_on
            FROM raw_claims))
WHERE submitted_on < getvariable('cycle_first_day') AND period_to >= period_from;

CREATE OR REPLACE TEMP TABLE registry AS
SELECT id18(txt(person_id)) AS person_id, txt(household_county) AS household_county, txt(status) AS status,
       CAST(txt(status_from) AS DATE) AS status_from, CAST(txt(status_to) AS DATE) AS status_to
FROM raw_registry;

-- P1 per person: origin covered when any row's county is in a covered prefecture
CREATE OR REPLACE TEMP TABLE registry_persons AS
SELECT person_id,
       bool_or(list_bool_or([starts_with(household_county, p) FOR p IN getvariable('origin_prefectures')]))
         AS origin_covered
FROM registry GROUP BY person_id;

-- the rows whose status is covered (P1), for "valid in month m"
CREATE OR REPLACE TEMP TABLE covered_periods AS
SELECT person_id, status_from, status_to FROM registry
WHERE list_contains(getvariable('covered_statuses'), status);

-- narrowing: the people any rule can ask about, registry persons and claimants of any scheme
CREATE OR REPLACE TEMP TABLE people AS
SELECT person_id FROM registry_persons
UNION SELECT person_id FROM claims_asof WHERE person_id IS NOT NULL;

-- The big table is typed only as far as the cycle needs and only after narrowing. Its IDs are
-- matched through people_keys (each person's 18-character ID and, for a 19xx birth, its legacy
-- 15-digit form) on upper(person_id): the same rows as upgrading every ID first, without the
-- per-row CASE. Its fields are not trimmed: the generator writes none with blanks around them
-- (DuckDbReference counts such fields outside the timed runs and reports them).
CREATE OR REPLACE TEMP TABLE people_keys AS
SELECT person_id AS key, person_id FROM people
UNION ALL
SELECT substr(person_id, 1, 6) || substr(person_id, 9, 9), person_id FROM people
WHERE length(person_id) = 18 AND substr(person_id, 7, 2) = '19';

CREATE OR REPLACE TEMP TABLE contributions AS
SELECT k.person_id, c.employer_id, c.region_code, CAST(replace(c.month, '-', '') AS INTEGER) AS month,
       c.insurance_type, CAST(c.base AS DECIMAL(14, 2)) AS base,
       CAST(c.personal_amount AS DECIMAL(14, 2)) AS personal_amount, c.staff_type
FROM raw_contributions c JOIN people_keys k ON upper(c.person_id) = k.key
WHERE c.pay_status = 'PAID' AND TRY_CAST(c.paid_on AS DATE) < getvariable('cycle_first_day')
  AND CAST(replace(c.month, '-', '') AS INTEGER) <= getvariable('last_decided');

-- ---------------------------------------------------------------------------------------------
-- Person months (wengang.eligibility.PersonMonths): one row per person x month up to c - 1 with
-- a visible PAID row. P3 employed: a PAID 110 row in the city region; established: staff type
-- ESTABLISHED or a 120 row (any region); P7 the SI amount: personal parts of city 110/210/310
-- rows, all units; P13 the paying unit: among the city pension rows the highest base, then the
-- smallest employer_id, and its registered district.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE person_months AS
WITH flagged AS (
  SELECT *,
         region_code = getvariable('city_region') AND list_contains(getvariable('employment_insurance_types'), insurance_type)
           AS city_pension,
         list_contains(getvariable('established_staff_types'), staff_type)
           OR list_contains(getvariable('established_insurance_types'), insurance_type) AS est,
         region_code = getvariable('city_region') AND list_contains(getvariable('si_subsidy_insurance_types'), insurance_type)
           AS si_part
  FROM contributions)
SELECT person_id, month,
       bool_or(city_pension) AS employed,
       bool_or(est) AS established,
       coalesce(sum(personal_amount) FILTER (WHERE si_part), 0)::DECIMAL(14, 2) AS si_amount,
       arg_min(employer_id, (-base, employer_id)) FILTER (WHERE city_pension) AS unit_id
FROM flagged GROUP BY person_id, month;

CREATE OR REPLACE TEMP TABLE person_months_d AS
SELECT m.*, e.district
FROM person_months m
LEFT JOIN (SELECT txt(employer_id) AS employer_id, txt(registered_district) AS district FROM raw_employers) e
  ON m.unit_id = e.employer_id;

-- ---------------------------------------------------------------------------------------------
-- P4 spells (wengang.eligibility.ContinuitySpells): maximal runs of consecutive employed months.
-- The first spell holding a qualifying month (window, covered status, origin, employed, not
-- established) is FIRST; earlier ones BEFORE_FIRST; later ones LATER, requalifying while shorter
-- than requalify_months, PENDING (P6) while the month after their last is within grace.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE facts AS
SELECT m.*,
       EXISTS (SELECT 1 FROM covered_periods cp WHERE cp.person_id = m.person_id
                 AND cp.status_from <= last_day(first_day(m.month))
                 AND (cp.status_to IS NULL OR cp.status_to >= first_day(m.month))) AS covered_valid,
       r.person_id IS NOT NULL AS in_registry,
       coalesce(r.origin_covered, false) AS origin_covered,
       m.month BETWEEN getvariable('window_first_month') AND getvariable('window_last_month') AS in_window
FROM person_months_d m LEFT JOIN registry_persons r ON m.person_id = r.person_id;

CREATE OR REPLACE TEMP TABLE spells AS
WITH islands AS (
  SELECT person_id, month,
         in_window AND covered_valid AND origin_covered AND employed AND NOT established AS qualifying,
         midx(month) - row_number() OVER (PARTITION BY person_id ORDER BY month) AS island
  FROM facts WHERE employed),
s AS (
  SELECT person_id, min(month) AS spell_start, max(month) AS spell_end, count(*) AS spell_months,
         bool_or(qualifying) AS has_qualifying
  FROM islands GROUP BY person_id, island)
SELECT person_id, spell_start, spell_end, spell_months,
       CASE WHEN first_start IS NULL OR spell_start < first_start THEN 'BEFORE_FIRST'
            WHEN spell_start = first_start THEN 'FIRST' ELSE 'LATER' END AS spell_kind
FROM (SELECT *, min(spell_start) FILTER (WHERE has_qualifying) OVER (PARTITION BY person_id) AS first_start FROM s);

-- month eligibility (wengang.eligibility.MonthEligibility): the person-level reason of each month
CREATE OR REPLACE TEMP TABLE month_eligibility AS
WITH m AS (
  SELECT f.*, s.spell_start, s.spell_end, s.spell_months, s.spell_kind,
         coalesce(s.spell_kind = 'LATER' AND s.spell_months < getvariable('requalify_months'), false) AS requalifying,
         coalesce(midx(getvariable('last_decided')) - (midx(s.spell_end) + 1) < getvariable('grace_months'), false)
           AS requalifying_pending,
         midx(getvariable('last_decided')) - midx(f.month) < getvariable('grace_months') AS within_grace
  FROM facts f LEFT JOIN spells s ON f.person_id = s.person_id AND f.month BETWEEN s.spell_start AND s.spell_end)
SELECT *,
       CASE WHEN NOT covered_valid THEN 'NOT_IN_REGISTRY'
            WHEN in_registry AND NOT origin_covered THEN 'ORIGIN_NOT_COVERED'
            WHEN NOT in_window THEN 'OUTSIDE_POLICY_WINDOW'
            WHEN established THEN 'ESTABLISHED_STAFF'
            WHEN NOT employed THEN 'NO_PAID_CONTRIBUTION'
            WHEN requalifying THEN 'REQUALIFYING' END AS reason,
       CASE WHEN NOT covered_valid OR (in_registry AND NOT origin_covered) OR NOT in_window OR established THEN 'REJECTED'
            WHEN NOT employed THEN CASE WHEN within_grace THEN 'PENDING' ELSE 'REJECTED' END
            WHEN requalifying THEN CASE WHEN requalifying_pending THEN 'PENDING' ELSE 'REJECTED' END
            ELSE 'PAYABLE' END AS status
FROM m;

-- ---------------------------------------------------------------------------------------------
-- SI_SUBSIDY and LIVING claim months (wengang.claims.PersonalClaimFacts, ClaimMonthDecider): one
-- row per claimed month, the codes that concern these subsidies, the first that applies decides.
-- Codes 6-10 and 19 concern unit subsidies only; 13 ALREADY_PAID needs a ledger entry of an
-- earlier cycle, and the ledger is empty in the first cycle on a fresh warehouse.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE grant_keys AS
SELECT DISTINCT subsidy, person_id, m.month
FROM claims_asof, LATERAL (SELECT CAST((i // 12) * 100 + i % 12 + 1 AS INTEGER) AS month
                           FROM range(midx(period_from), midx(period_to) + 1) t(i)) m
WHERE scheme <> 'CITY_2023' AND subsidy IN ('SI_SUBSIDY', 'LIVING');

CREATE OR REPLACE TEMP TABLE claim_month_facts AS
WITH cm AS (
  SELECT c.*, m.month
  FROM claims_asof c, LATERAL (SELECT CAST((i // 12) * 100 + i % 12 + 1 AS INTEGER) AS month
                               FROM range(midx(c.period_from), midx(c.period_to) + 1) t(i)) m
  WHERE c.scheme = 'CITY_2023' AND c.subsidy IN ('SI_SUBSIDY', 'LIVING'))
SELECT cm.claim_id, cm.subsidy, cm.person_id, cm.district, cm.submitted_on, cm.month,
       CASE WHEN cm.subsidy = 'SI_SUBSIDY' THEN coalesce(me.si_amount, 0) ELSE la.amount END::DECIMAL(14, 2)
         AS computed_amount,
       NOT cm.id_ok AS c_invalid_id,
       cm.submitted_on > getvariable('application_deadline') AS c_late_submission,
       NOT EXISTS (SELECT 1 FROM covered_periods cp WHERE cp.person_id = cm.person_id
                     AND cp.status_from <= last_day(first_day(cm.month))
                     AND (cp.status_to IS NULL OR cp.status_to >= first_day(cm.month))) AS c_not_in_registry,
       r.person_id IS NOT NULL AND NOT coalesce(r.origin_covered, false) AS c_origin_not_covered,
       cm.month NOT BETWEEN getvariable('window_first_month') AND getvariable('window_last_month') AS c_outside_window,
       g.person_id IS NOT NULL AS c_double_scheme,
       coalesce(me.established, false) AS c_established,
       NOT coalesce(me.employed, false) AS c_no_paid,
       midx(getvariable('last_decided')) - midx(cm.month) < getvariable('grace_months') AS p_no_paid,
       coalesce(me.requalifying, false) AS c_requalifying,
       coalesce(me.requalifying_pending, false) AS p_requalifying,
       coalesce(me.spell_start > month_of(cm.submitted_on), false) AS c_spell_after_claim,
       NOT list_contains(getvariable('district_codes'), cm.district) OR me.district IS NULL
         OR me.district <> cm.district AS c_wrong_district
FROM cm
LEFT JOIN registry_persons r ON cm.person_id = r.person_id
LEFT JOIN grant_keys g ON g.subsidy = cm.subsidy AND g.person_id = cm.person_id AND g.month = cm.month
LEFT JOIN month_eligibility me ON me.person_id = cm.person_id AND me.month = cm.month
LEFT JOIN policy_amounts la ON la.key = 'living_monthly_amount' AND cm.month BETWEEN la.from_month AND la.to_month;

-- every code but 12 DUPLICATE_CLAIM, in precedence order (the "intrinsic" decision)
CREATE OR REPLACE TEMP TABLE claim_months_intrinsic AS
SELECT *,
       CASE WHEN c_invalid_id THEN 'INVALID_ID' WHEN c_late_submission THEN 'LATE_SUBMISSION'
            WHEN c_not_in_registry THEN 'NOT_IN_REGISTRY' WHEN c_origin_not_covered THEN 'ORIGIN_NOT_COVERED'
            WHEN c_outside_window THEN 'OUTSIDE_POLICY_WINDOW' WHEN c_double_scheme THEN 'DOUBLE_SCHEME'
            WHEN c_established THEN 'ESTABLISHED_STAFF' WHEN c_no_paid THEN 'NO_PAID_CONTRIBUTION'
            WHEN c_requalifying THEN 'REQUALIFYING' WHEN c_spell_after_claim THEN 'SPELL_AFTER_CLAIM'
            WHEN c_wrong_district THEN 'WRONG_DISTRICT' END AS intrinsic_reason,
       CASE WHEN c_invalid_id OR c_late_submission OR c_not_in_registry OR c_origin_not_covered OR c_outside_window
                 OR c_double_scheme OR c_established THEN 'REJECTED'
            WHEN c_no_paid THEN CASE WHEN p_no_paid THEN 'PENDING' ELSE 'REJECTED' END
            WHEN c_requalifying THEN CASE WHEN p_requalifying THEN 'PENDING' ELSE 'REJECTED' END
            WHEN c_spell_after_claim OR c_wrong_district THEN 'REJECTED'
            ELSE 'PAYABLE' END AS intrinsic_status
FROM claim_month_facts;

-- P17: 12 DUPLICATE_CLAIM when an earlier-submitted claim (ties: smaller claim_id) for the same
-- person, subsidy and month holds it (not REJECTED by its other codes); then the month's reason
-- is the first code in precedence order, with 12 in its place between 11 and 14.
CREATE OR REPLACE TEMP TABLE claim_months_decided AS
WITH d AS (
  SELECT *,
         coalesce(bool_or(intrinsic_status <> 'REJECTED') OVER (
           PARTITION BY subsidy, person_id, month ORDER BY submitted_on, claim_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS c_duplicate
  FROM claim_months_intrinsic)
SELECT *,
       CASE WHEN intrinsic_reason IN ('INVALID_ID', 'LATE_SUBMISSION', 'NOT_IN_REGISTRY', 'ORIGIN_NOT_COVERED',
                                      'OUTSIDE_POLICY_WINDOW', 'DOUBLE_SCHEME') THEN intrinsic_reason
            WHEN c_duplicate THEN 'DUPLICATE_CLAIM' ELSE intrinsic_reason END AS decided_reason,
       CASE WHEN intrinsic_reason IN ('INVALID_ID', 'LATE_SUBMISSION', 'NOT_IN_REGISTRY', 'ORIGIN_NOT_COVERED',
                                      'OUTSIDE_POLICY_WINDOW', 'DOUBLE_SCHEME') THEN intrinsic_status
            WHEN c_duplicate THEN 'REJECTED' ELSE intrinsic_status END AS status
FROM d;

-- P14: a PAYABLE personal month without a card usable at the cycle is held (NO_FINANCIAL_CARD);
-- the amount is the month's when PAYABLE, else 0.00 (no frozen amounts: the ledger is empty).
CREATE OR REPLACE TEMP TABLE usable_cards AS
SELECT DISTINCT id18(txt(person_id)) AS person_id FROM raw_cards
WHERE txt(status) = 'ACTIVE' AND upper(txt(financial_enabled)) IN ('TRUE', '1', 'Y')
  AND (txt(activated_on) IS NULL OR CAST(txt(activated_on) AS DATE) < getvariable('cycle_first_day'));

CREATE OR REPLACE TEMP TABLE duck_claim_months AS
SELECT d.claim_id, d.month, d.status,
       CASE WHEN d.status = 'PAYABLE' THEN d.computed_amount ELSE 0 END::DECIMAL(14, 2) AS amount,
       CASE WHEN d.status = 'PAYABLE' THEN CASE WHEN u.person_id IS NULL THEN 'NO_FINANCIAL_CARD' END
            ELSE d.decided_reason END AS reason,
       d.subsidy
FROM claim_months_decided d LEFT JOIN usable_cards u ON d.person_id = u.person_id;

-- claim decisions (wengang.claims.ClaimDecisions): APPROVED when every month is PAYABLE, REJECTED
-- when every month is REJECTED, PENDING when none is PAYABLE and one is PENDING, else PARTIAL;
-- reasons: the sorted set of the months' reasons (held months' NO_FINANCIAL_CARD included)
CREATE OR REPLACE TEMP TABLE duck_claim_decisions AS
SELECT claim_id,
       CASE WHEN count(*) FILTER (WHERE status = 'PAYABLE') = count(*) THEN 'APPROVED'
            WHEN count(*) FILTER (WHERE status = 'REJECTED') = count(*) THEN 'REJECTED'
            WHEN count(*) FILTER (WHERE status = 'PAYABLE') = 0 AND count(*) FILTER (WHERE status = 'PENDING') > 0
              THEN 'PENDING'
            ELSE 'PARTIAL' END AS decision,
       coalesce(sum(amount) FILTER (WHERE status = 'PAYABLE'), 0)::DECIMAL(14, 2) AS approved_amount,
       coalesce(array_to_string(list_sort(list_distinct(list(reason) FILTER (WHERE reason IS NOT NULL))), ';'), '')
         AS reasons
FROM duck_claim_months GROUP BY claim_id;
