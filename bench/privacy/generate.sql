-- :rows audit entries over the last two years: 200 actors, a dozen actions, customers as targets,
-- details of the size the console writes (a few keys). One customer (id 424242) has 40 entries,
-- some quoting their email, as reveals, exports and mails about them do.
insert into audit_log (at, actor, action, target_type, target_id, details)
select now() - make_interval(secs => (random() * 730 * 86400)::int),
       'op-' || (i % 200),
       (array['customer.revealed', 'csv.exported', 'operator.created', 'claim.approved', 'inquiry.replied',
              'storefront.key-issued', 'mail.released', 'customer.note-added', 'coupon.issued',
              'claim.bank-account-revealed', 'inquiry.reassigned', 'policy.changed'])[1 + i % 12],
       'customer',
       (1 + (i::bigint * 7919) % 300000)::text,
       jsonb_build_object('fields', 'email,phone', 'n', i, 'filter', jsonb_build_object('q', 'term-' || (i % 5000)))
  from generate_series(1, :rows) as i;
insert into audit_log (at, actor, action, target_type, target_id, details)
select now() - make_interval(days => i), 'op-1', 'mail.bounce-cleared', 'customer', '424242',
       jsonb_build_object('address', 'bench.erase@example.jp', 'note', '山田 花子 様')
  from generate_series(1, 40) as i;
analyze audit_log;
