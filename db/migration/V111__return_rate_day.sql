-- Return rates at a million orders (#15 §1): the figures read a per-day, per-SKU aggregate of units
-- sold and sent back instead of joining every order line of the period on each request (a full scan
-- of order_line, twice per page). Owner: returns (ClaimFigures). FiguresRefresh rebuilds it in the
-- same round as customer_purchase; "day" is the day the order was placed, in the shop's time zone at
-- the time of the rebuild. Readers see the previous contents until the rebuild commits, and no
-- writer of orders or claims waits for it (it only reads them).
create table return_rate_day (
    storefront_id bigint not null,
    day           date   not null,
    sku           text   not null,
    category      text   not null,
    product_name  text,
    sold          bigint not null,
    returned      bigint not null,
    primary key (storefront_id, day, sku, category)
);
create index return_rate_day_day_idx on return_rate_day (day);

-- the figures pages say "as of" for the return rates as for the business view; null until the first
-- rebuild (a minute after start), which the pages say in words
alter table figures_refresh alter column refreshed_at drop not null;
insert into figures_refresh (name, refreshed_at) values ('return_rate_day', null);
