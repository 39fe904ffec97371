-- Order lines take their ids from Hibernate in blocks of 50 (the sequence's increment), so an
-- order's lines reach PostgreSQL as one JDBC batch instead of one round trip each (#16 §3,
-- docs/benchmarks.md). A plain sequence rather than the identity column's own: Hibernate's
-- schema validation does not see identity sequences. Plain SQL inserts (the demo, bench
-- scripts) still draw from the same sequence by default and cannot collide: each call takes a
-- whole block.
alter table order_line alter column id drop identity if exists;
create sequence order_line_id_seq increment by 50 owned by order_line.id;
select setval('order_line_id_seq', coalesce(max(id), 0) + 1, false) from order_line;
alter table order_line alter column id set default nextval('order_line_id_seq');
