-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Continuity (P4)
-- MAGIC Spells of employment at a cycle (widget `cycle`, yyyyMM; empty means the latest): by kind, how many later
-- MAGIC spells are still short of the three months that requalify, how long spells last.

-- COMMAND ----------

CREATE WIDGET TEXT cycle DEFAULT ''

-- COMMAND ----------

-- chart: bar x=spell_kind y=spells,still_short
select spell_kind,
       count(*) as spells,
       sum(case when requalifying then 1 else 0 end) as still_short,
       round(avg(spell_months), 1) as avg_months,
       sum(payable_months) as payable_months
from spells
where cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from spells))
group by spell_kind
order by spell_kind
