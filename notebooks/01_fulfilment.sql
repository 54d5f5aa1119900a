-- P19: employed poverty-alleviated workers against the city quotas, latest cycle.
select year, region_code, region_name, employed_persons, target_persons, fulfilment_ratio
from fulfilment
where cycle = (select max(cycle) from fulfilment)
order by year, region_code;

-- The province row over the cycles: how the count of the current year grows as contributions arrive.
select cycle, year, employed_persons
from fulfilment
where region_code = '440000'
order by year, cycle;
