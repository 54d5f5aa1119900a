-- How the month reasons move from cycle to cycle (metrics recorded by every run).
select cycle, metric, value
from metrics
where metric like 'month_reason.%'
  and run_at = (select max(run_at) from metrics m2 where m2.cycle = metrics.cycle)
order by metric, cycle;
