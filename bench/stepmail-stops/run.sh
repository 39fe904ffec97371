#!/usr/bin/env bash
# What the step-mail scheduler's taking statement pays for asking every stop condition again
# (issue #13 §4: cancelled order, whole order sent back, holds on the order or the customer).
#
#   TEMPLATE_DB=aftercare_claimsmail ORDERS=100000 bash bench/stepmail-stops/run.sh
#
# TEMPLATE_DB: a database Flyway has migrated (any test database will do; it must have no other
# connection while it is copied). The script copies it to aftercare_bench_stops (dropped first, left
# afterwards), seeds ORDERS delivered orders of 2 lines, each enrolled in one 5-step scenario (so
# 5 × ORDERS step mails, all due), with 10 % of the orders having one product sent back, 5 % sent
# back whole, 2 % cancelled, 2 % of the orders held and 2 % of the customers under a complaint hold;
# then runs EXPLAIN ANALYZE, REPEAT times each, of the taking statement (LIMIT 100, FOR UPDATE SKIP
# LOCKED) in three forms: before #13 (the order hold only), with the stop conditions inline in the
# one select ("inline"), and as StepMailScheduler runs it now: the batch taken and locked in a
# materialized CTE, the conditions asked of those rows alone ("taken-first").
set -euo pipefail
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../lib.sh"
bench_pg_defaults
: "${TEMPLATE_DB:?name a database Flyway has migrated}"
ORDERS=${ORDERS:-100000}
REPEAT=${REPEAT:-5}
DB=aftercare_bench_stops

psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB template $TEMPLATE_DB"
log "seeding $ORDERS orders"
psql -q -v ON_ERROR_STOP=1 -d "$DB" -v orders="$ORDERS" <<'SQL'
insert into storefront (code, name) values ('bench-stops', 'bench') on conflict do nothing;
create temporary table seed as
select g, 'bench-' || g || '@example.jp' as email from generate_series(1, :orders) g;
insert into customer (email, email_normalized, name, promotional_consent)
select email, email, 'bench', true from seed;
insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor,
                            total_minor, placed_at, delivered_at)
select (select id from storefront where code = 'bench-stops'), 'B-' || s.g, c.id,
       case when s.g % 50 = 0 then 'CANCELLED' else 'DELIVERED' end, 'JPY', 4200, 4200,
       now() - interval '40 days', now() - interval '39 days'
  from seed s join customer c on c.email_normalized = s.email;
insert into order_line (order_id, line_no, sku, product_name, quantity, unit_price_minor)
select o.id, l, 'SKU-' || l, 'product ' || l, 1, 2100
  from customer_order o cross join generate_series(1, 2) l where o.order_number like 'B-%';
insert into scenario (code, name, trigger_event) values ('bench-stops', 'bench', 'order.delivered');
insert into scenario_step (scenario_id, position, delay_amount, delay_unit, kind, template, hold_while_claim_open)
select s.id, p, p, 'DAYS', case when p > 3 then 'PROMOTIONAL' else 'TRANSACTIONAL' end, 'usage-tips', p > 1
  from scenario s cross join generate_series(1, 5) p where s.code = 'bench-stops';
insert into enrolment (scenario_id, customer_id, order_id, triggered_at)
select (select id from scenario where code = 'bench-stops'), o.customer_id, o.id, now() - interval '39 days'
  from customer_order o where o.order_number like 'B-%';
insert into step_mail (enrolment_id, step_id, due_at)
select e.id, st.id, now() - interval '1 day' - (e.id % 1000) * interval '1 second'
  from enrolment e join scenario_step st on st.scenario_id = e.scenario_id
 where e.scenario_id = (select id from scenario where code = 'bench-stops');
insert into step_mail_stop (order_id, customer_id, sku, quantity, source, outcome, stopped_at)
select o.id, o.customer_id, l.sku, 1, 'claim:B-' || o.id, 'REFUNDED', now()
  from customer_order o join order_line l on l.order_id = o.id
 where o.order_number like 'B-%' and (o.id % 10 = 0 and l.line_no = 1 or o.id % 20 = 0);
insert into step_mail_hold (order_id, source)
select id, 'inquiry:bench-' || id from customer_order where order_number like 'B-%' and id % 50 = 1;
insert into step_mail_hold (customer_id, source)
select id, 'inquiry:bench-c' || id from customer where email like 'bench-%' and id % 50 = 2;
analyze;
SQL

BEFORE="select m.id, st.hold_while_claim_open and exists (select 1 from step_mail_hold h where h.order_id = e.order_id and h.released_at is null) as on_hold,
 coalesce(s.storefront_id, e.storefront_id, (select o.storefront_id from order_view o where o.id = e.order_id)) as storefront_id
 from step_mail m join enrolment e on e.id = m.enrolment_id join scenario s on s.id = e.scenario_id
 join scenario_step st on st.id = m.step_id
 where m.status = 'SCHEDULED' and m.due_at <= now() and not s.paused order by m.due_at limit 100 for update of m skip locked"
INLINE="select m.id,
 ((st.hold_while_claim_open and exists (select 1 from step_mail_hold h where h.order_id = e.order_id and h.released_at is null))
  or (st.kind = 'PROMOTIONAL' and exists (select 1 from step_mail_hold h where h.customer_id = e.customer_id and h.released_at is null))) as on_hold,
 case when e.claim_id is null and e.inquiry_id is null and o.status = 'CANCELLED' then 'order cancelled'
      when e.claim_id is null and e.inquiry_id is null and e.order_id is not null
       and (exists (select 1 from step_mail_stop s where s.order_id = e.order_id)
            and not exists (select 1 from order_line_view l where l.order_id = e.order_id group by l.sku
                            having sum(l.quantity) > (select coalesce(sum(s.quantity), 0) from step_mail_stop s
                                                       where s.order_id = e.order_id and s.sku = l.sku)))
      then 'the whole order was sent back' end as stop_reason,
 coalesce(s.storefront_id, e.storefront_id, o.storefront_id) as storefront_id
 from step_mail m join enrolment e on e.id = m.enrolment_id join scenario s on s.id = e.scenario_id
 join scenario_step st on st.id = m.step_id left join order_view o on o.id = e.order_id
 where m.status = 'SCHEDULED' and m.due_at <= now() and not s.paused order by m.due_at limit 100 for update of m skip locked"

# what StepMailScheduler runs: the batch taken and locked first, the conditions asked of it alone
TAKEN="with taken as materialized (select m.id, m.due_at, m.enrolment_id, m.step_id from step_mail m
   join enrolment e on e.id = m.enrolment_id join scenario s on s.id = e.scenario_id
  where m.status = 'SCHEDULED' and m.due_at <= now() and not s.paused order by m.due_at limit 100 for update of m skip locked)
select m.id,
 ((st.hold_while_claim_open and exists (select 1 from step_mail_hold h where h.order_id = e.order_id and h.released_at is null))
  or (st.kind = 'PROMOTIONAL' and exists (select 1 from step_mail_hold h where h.customer_id = e.customer_id and h.released_at is null))) as on_hold,
 case when e.claim_id is null and e.inquiry_id is null and o.status = 'CANCELLED' then 'order cancelled'
      when e.claim_id is null and e.inquiry_id is null and e.order_id is not null
       and (exists (select 1 from step_mail_stop s where s.order_id = e.order_id)
            and not exists (select 1 from order_line_view l where l.order_id = e.order_id group by l.sku
                            having sum(l.quantity) > (select coalesce(sum(s.quantity), 0) from step_mail_stop s
                                                       where s.order_id = e.order_id and s.sku = l.sku)))
      then 'the whole order was sent back' end as stop_reason,
 coalesce(s.storefront_id, e.storefront_id, o.storefront_id) as storefront_id
 from taken m join enrolment e on e.id = m.enrolment_id join scenario s on s.id = e.scenario_id
 join scenario_step st on st.id = m.step_id left join order_view o on o.id = e.order_id
 order by m.due_at"

for label in before inline taken-first; do
    case $label in
        before) q=$BEFORE ;;
        inline) q=$INLINE ;;
        *) q=$TAKEN ;;
    esac
    for i in $(seq 1 "$REPEAT"); do
        t=$(psql -At -d "$DB" -c "begin; explain (analyze, format json) $q; rollback;" \
            | grep -o '"Execution Time": [0-9.]*' | grep -o '[0-9.]*$')
        echo "$label $i ${t} ms"
    done
done
psql -At -d "$DB" -c "select 'step mails due: ' || count(*) from step_mail where status = 'SCHEDULED'"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(psql -At -d "$DB" -c 'show server_version')"
