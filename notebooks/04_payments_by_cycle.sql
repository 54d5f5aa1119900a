-- What each payment cycle paid and held, per district and subsidy (the ledger never changes an entry).
select cycle, district, subsidy,
       sum(case when entry_type = 'PAY' then amount else 0 end) as paid,
       sum(case when entry_type = 'HELD' then amount else 0 end) as held,
       count(distinct claim_id) as claims
from ledger
group by cycle, district, subsidy
order by cycle, district, subsidy;
