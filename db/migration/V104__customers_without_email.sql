-- Customers without an email (#12 §2): phone-only callers and visitors, LINE-only customers.
-- A customer is reachable by at least one of email, phone or a LINE identity; the first two are
-- checked here, a LINE identity lives in its own table and is written in the same transaction as
-- its customer (LineIdentities.recognise), so the rule is kept there (docs/channels.md).

alter table customer alter column email drop not null,
                     alter column email_normalized drop not null;

-- The phone in one form (digits only, +81 as a leading 0, full-width digits as ASCII), by which
-- the same caller is found again: PhoneNumber.normalized() writes exactly this.
alter table customer add column phone_normalized text;

-- The storefront a customer without an email was first recorded at (a call, a visit, a LINE user):
-- a customer with an email is one person across storefronts (by that email), one without is
-- known to that storefront only (plus any storefront with an order of theirs).
alter table customer add column storefront_id bigint references storefront (id);

-- Set when an operator merged this customer into another (CustomerMerges): the row stays as a
-- tombstone without contact details so that old links and audit entries still resolve.
alter table customer add column merged_into bigint references customer (id);

-- LINE-only customers had a stand-in address under the reserved line.invalid domain; they now have
-- none. Their storefront is the LINE identity's.
update customer c
   set storefront_id = (select min(l.storefront_id) from line_identity l where l.customer_id = c.id)
 where c.email_normalized like '%@line.invalid';
update customer set email = null, email_normalized = null where email_normalized like '%@line.invalid';

update customer
   set phone_normalized = nullif(regexp_replace(regexp_replace(normalize(phone, NFKC), '^\+81', '0'), '[^0-9]', '', 'g'), '')
 where phone is not null;

alter table customer add constraint customer_reachable
    check (email is not null or phone_normalized is not null or merged_into is not null
           or erased_at is not null or storefront_id is not null);
alter table customer add constraint customer_email_pair
    check ((email is null) = (email_normalized is null));

create index customer_phone_idx on customer (phone_normalized) where phone_normalized is not null;
