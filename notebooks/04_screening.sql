-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Screening overview
-- MAGIC Flags per rule and severity at a cycle (widget `cycle`, yyyyMM; empty means the latest), the largest linked
-- MAGIC groups, and how each rule moved over the cycles. Counts only: the subjects stay in `flags.csv` for authorised staff.

-- COMMAND ----------

CREATE WIDGET TEXT cycle DEFAULT ''

-- COMMAND ----------

-- chart: stacked x=rule y=flags series=severity
select rule, severity, count(*) as flags
from flags
where cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from flags))
group by rule, severity
order by rule, severity

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The largest linked groups (people, cards and units joined by flags)

-- COMMAND ----------

select group_size, count(distinct group_id) as groups, count(*) as flags
from flags
where cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from flags))
group by group_size
order by group_size desc
limit 10

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Flags per rule over the cycles

-- COMMAND ----------

-- chart: line x=cycle y=flags series=rule
select cycle, rule, count(*) as flags
from flags
group by cycle, rule
order by rule, cycle
