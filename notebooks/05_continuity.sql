-- P4 continuity at the latest cycle: spells by kind, how many later spells requalified.
select spell_kind,
       count(*) as spells,
       sum(case when requalifying then 1 else 0 end) as still_short,
       round(avg(spell_months), 1) as avg_months,
       sum(payable_months) as payable_months
from spells
where cycle = (select max(cycle) from spells)
group by spell_kind
order by spell_kind;
