-- Coupons for claims: store credit is issued as a coupon code when a return settled in credit is
-- refunded (claim.coupon_code, from V14); an apology coupon is offered when damage in transit is
-- confirmed. The apology codes come from one standing APOLOGY campaign per storefront, created on
-- first need with the terms in aftercare.returns.apology-coupon-*.
alter table claim add column apology_coupon_code text;

create table claim_apology_campaign (
    storefront_id bigint not null primary key references storefront (id),
    campaign_id   bigint not null references coupon_campaign (id)
);
