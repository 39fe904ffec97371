-- Exchanges a shop can fulfil (issue #13, section 3): the storefront's order that ships the
-- replacement of an exchange, linked to the claim once the storefront created it, so the
-- order's own order.shipped events mark the exchange shipped. One replacement order per claim, and
-- an order replaces one claim at most. Owned by returns (com.aftercare.returns.exchange).
create table claim_replacement_order (
    claim_id      bigint      primary key references claim (id),
    storefront_id bigint      not null references storefront (id),
    order_number  text        not null check (length(order_number) between 1 and 100),
    linked_at     timestamptz not null,
    linked_by     text        not null,
    unique (storefront_id, order_number)
);
