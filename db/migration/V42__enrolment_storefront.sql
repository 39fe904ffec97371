-- The storefront a customer came through, kept on the enrolment (owned by step mail): a scenario
-- for every storefront still sends each customer's mails as the storefront they bought from,
-- registered at or asked through (its sender, name and relay), without reading other modules.
alter table enrolment add column storefront_id bigint references storefront (id);

-- Enrolments made before this one learn it from their order, through the domain's read model.
update enrolment e
   set storefront_id = o.storefront_id
  from order_view o
 where o.id = e.order_id and e.storefront_id is null;
