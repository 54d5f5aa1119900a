-- Claims, approved amounts and the share approved per district and subsidy, latest cycle.
select district, subsidy,
       count(*) as claims,
       sum(case when decision = 'APPROVED' then 1 else 0 end) as approved,
       sum(case when decision = 'PARTIAL' then 1 else 0 end) as partial,
       sum(case when decision = 'REJECTED' then 1 else 0 end) as rejected,
       sum(case when decision = 'PENDING' then 1 else 0 end) as pending,
       sum(approved_amount) as approved_amount
from claim_decisions
where cycle = (select max(cycle) from claim_decisions)
group by district, subsidy
order by district, subsidy;

-- The reasons behind the months that were not paid, per district.
select d.district, m.reason, m.status, count(*) as months
from claim_months m join claim_decisions d on m.claim_id = d.claim_id and m.cycle = d.cycle
where m.cycle = (select max(cycle) from claim_months) and m.reason is not null
group by d.district, m.reason, m.status
order by d.district, months desc;
