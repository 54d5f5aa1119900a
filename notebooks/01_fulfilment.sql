-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Target fulfilment by city and month (P19)
-- MAGIC Employed poverty-alleviated workers against the city quotas (`fulfilment`, `fulfilment_monthly`).
-- MAGIC The widget `cycle` (yyyyMM) picks the cycle; empty means the latest.

-- COMMAND ----------

CREATE WIDGET TEXT cycle DEFAULT ''

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The year's count against the quota, per city
-- MAGIC A year without a quota has an empty target and ratio.

-- COMMAND ----------

-- chart: bar x=region_name y=fulfilment_percent
select year, region_code, region_name, employed_persons, target_persons,
       round(fulfilment_ratio * 100, 2) as fulfilment_percent
from fulfilment
where cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from fulfilment))
  and region_code <> '440000'
  and year = (select max(year) from fulfilment f where f.target_persons is not null
              and f.cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from fulfilment)))
order by region_code

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Month by month in the latest year: the province against an even pace
-- MAGIC `employed_persons` counts the workers seen so far in the year; `pace_persons` is where an even pace (month ÷ 12 of the quota) would be.

-- COMMAND ----------

-- chart: line x=month y=employed_persons,working_persons,pace_persons
select month, employed_persons, working_persons, pace_persons, behind_pace
from fulfilment_monthly
where cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from fulfilment_monthly))
  and region_code = '440000'
  and year = (select max(year) from fulfilment_monthly m
              where m.cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from fulfilment_monthly)))
order by month

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Cities behind their pace in the last month judged

-- COMMAND ----------

select year, month, region_code, region_name, employed_persons, pace_persons, target_persons
from fulfilment_monthly
where cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from fulfilment_monthly))
  and behind_pace
  and month = (select max(month) from fulfilment_monthly m
               where m.cycle = coalesce(try_cast(:cycle as int), (select max(cycle) from fulfilment_monthly)))
order by region_code

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The province row over the cycles
-- MAGIC How the count of each year grows as contributions arrive.

-- COMMAND ----------

-- chart: line x=cycle y=employed_persons series=year
select cycle, year, employed_persons
from fulfilment
where region_code = '440000'
order by year, cycle
