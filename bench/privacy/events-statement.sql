-- The statement ErasedStorefrontEvents.anonymise sends, with psql variables for its parameters
-- (:'customer' the customer's id, :'quoted' the person's values joined by U+001F). Keep it the
-- same as the Java text.
-- begin statement
select e.storefront_id, e.event_id, e.payload::text, e.detail::text from inbound_event e
 where (e.storefront_id, e.order_number) in (select o.storefront_id, o.order_number
                                               from customer_order o
                                              where o.customer_id = :'customer')
    or (e.storefront_id, e.order_ref) in (select o.storefront_id, o.external_id
                                            from customer_order o
                                           where o.customer_id = :'customer'
                                             and o.external_id is not null)
    or (e.storefront_id, e.customer_ref) in (select x.storefront_id, x.external_id
                                               from customer_external_id x
                                              where x.customer_id = :'customer')
    or (e.event_type not like 'order.%'
        and exists (select 1 from unnest(string_to_array(:'quoted', chr(31))) q(v)
                     where strpos(e.payload::text, q.v) > 0))
-- end statement
