-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Reasons over cycles
-- MAGIC How the reasons months are held or rejected move from cycle to cycle (the metrics every run records,
-- MAGIC the latest run of each cycle), and the reasons per district at one cycle (widget `cycle`, yyyyMM; empty means the latest).

-- COMMAND ----------

CREATE WIDGET TEXT cycle DEFAULT ''

-- COMMAND ----------

-- chart: line x=cycle y=months series=reason
select cycle, substring(metric, length('month_reason.') + 1) as reason, value as months
from metrics
where metric like 'month_reason.%'
  and run_at = (select max(run_at) from metrics m2 where m2.cycle = metrics.cycle)
order by reason, cycle

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The reasons behind the months that were not paid, per district

-- COMMAND ----------

select d.district, m.reason, m.status, count(*) as months
from claim_months m join claim_decisions d on m.claim_id = d.claim_id and m.cycle = d.cycle
where m.cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from claim_months)) and m.reason is not null
group by d.district, m.reason, m.status
order by d.district, months desc
