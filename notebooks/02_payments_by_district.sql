-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Payments by district
-- MAGIC What each payment cycle paid and held per district and subsidy (from the ledger, which never changes an entry),
-- MAGIC and the claims and approved amounts per district at a cycle (widget `cycle`, yyyyMM; empty means the latest).

-- COMMAND ----------

CREATE WIDGET TEXT cycle DEFAULT ''

-- COMMAND ----------

-- chart: stacked x=district y=paid series=subsidy
select district, subsidy,
       sum(case when entry_type = 'PAY' then amount else 0 end) as paid,
       sum(case when entry_type = 'HELD' then amount else 0 end) as held,
       count(distinct claim_id) as claims
from ledger
group by district, subsidy
order by district, subsidy

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Paid per payment cycle

-- COMMAND ----------

-- chart: bar x=cycle y=paid,held
select cycle,
       sum(case when entry_type = 'PAY' then amount else 0 end) as paid,
       sum(case when entry_type = 'HELD' then amount else 0 end) as held
from ledger
group by cycle
order by cycle

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Claims and approved amounts per district and subsidy at the cycle

-- COMMAND ----------

select district, subsidy,
       count(*) as claims,
       sum(case when decision = 'APPROVED' then 1 else 0 end) as approved,
       sum(case when decision = 'PARTIAL' then 1 else 0 end) as partial,
       sum(case when decision = 'REJECTED' then 1 else 0 end) as rejected,
       sum(case when decision = 'PENDING' then 1 else 0 end) as pending,
       sum(approved_amount) as approved_amount
from claim_decisions
where cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from claim_decisions))
group by district, subsidy
order by district, subsidy
