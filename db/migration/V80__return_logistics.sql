-- Return logistics (issue 13 §1): where a returned item goes, how it travels, and where it is.
-- Owned by the returns module. Dates of pick-ups are shop dates (Asia/Tokyo by default).

-- How a storefront's returns travel: the carrier whose system prints its slips, whether a customer
-- whose return the shop pays may book a pick-up (集荷) instead of sending it 着払い, and after how
-- many days without goods the customer is reminded (then, as many days later, an operator is).
create table return_logistics_settings (
    storefront_id        bigint      primary key references storefront (id),
    carrier              text        not null default 'YAMATO' check (carrier in ('YAMATO', 'SAGAWA', 'JAPAN_POST')),
    pickup_offered       boolean     not null default true,
    reminder_after_days  int         not null default 7 check (reminder_after_days between 1 and 60),
    -- the shop's customer code at the carrier (B2クラウド ご請求先顧客コード, e飛伝 お客様コード), printed into exports
    carrier_customer_code text       check (length(carrier_customer_code) <= 20),
    updated_at           timestamptz not null default now()
);

-- A warehouse that takes returns. A rule column left empty matches anything; the address whose
-- set rule columns all match and that sets the most of them wins (ties: the oldest).
create table return_address (
    id            bigint generated always as identity primary key,
    storefront_id bigint      not null references storefront (id),
    label         text        not null check (length(label) between 1 and 60),
    recipient     text        not null check (length(recipient) between 1 and 60),
    postal_code   text        not null check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
    address       text        not null check (length(address) between 1 and 200),
    phone         text        not null check (phone ~ '^[0-9]{2,5}-[0-9]{1,4}-[0-9]{3,4}$'),
    request_type  text        check (request_type in ('RETURN', 'EXCHANGE', 'REFUND_GUARANTEE', 'WARRANTY_REPAIR', 'RECYCLE_PICKUP')),
    reason        text        check (reason in ('SIZE', 'COLOR_DIFFERS', 'NOT_AS_EXPECTED', 'OTHER',
                                                'DAMAGED_IN_TRANSIT', 'DEFECTIVE', 'WRONG_ITEM')),
    category      text        check (length(category) between 1 and 100),
    created_at    timestamptz not null default now()
);
create index return_address_storefront_idx on return_address (storefront_id, id);

-- Days on which no pick-up is booked (the warehouse's and the shop's holidays).
create table return_non_working_day (
    storefront_id bigint not null references storefront (id),
    day           date   not null,
    primary key (storefront_id, day)
);

-- One claim's way back: made when the claim is approved (or asked for the item), with the
-- address and method decided then, so a later change of rules never moves a parcel on its way.
create table return_shipment (
    claim_id            bigint      primary key references claim (id),
    storefront_id       bigint      not null references storefront (id),
    address_id          bigint      not null references return_address (id),
    -- 元払い, 着払い or 集荷
    method              text        not null check (method in ('SENDER_PAYS', 'RECEIVER_PAYS', 'PICKUP')),
    carrier             text        not null check (carrier in ('YAMATO', 'SAGAWA', 'JAPAN_POST')),
    pickup_date         date,
    pickup_slot         text        check (pickup_slot in ('MORNING', 'H14_16', 'H16_18', 'H18_20', 'H19_21')),
    tracking_number     text        check (tracking_number ~ '^[0-9]{10,14}$'),
    tracking_entered_at timestamptz,
    exported_at         timestamptz,
    reminded_at         timestamptz,
    flagged_at          timestamptz,
    created_at          timestamptz not null,
    check ((pickup_date is null) = (pickup_slot is null)),
    check (pickup_date is null or method = 'PICKUP'),
    check ((tracking_number is null) = (tracking_entered_at is null))
);
-- the carrier export: what is waiting to be printed, per storefront
create index return_shipment_export_idx on return_shipment (storefront_id, exported_at, claim_id);
