-- A newsletter chooses, like a step-mail step, what happens to a recipient over the frequency
-- cap: SKIP (news of today is stale tomorrow; the default, as before) or POSTPONE to the morning
-- of the first shop day with room.
alter table newsletter
    add column over_cap     text not null default 'SKIP' check (over_cap in ('POSTPONE', 'SKIP')),
    add column cancelled_at timestamptz,
    add column cancelled_by text;
-- a newsletter cancelled by hand before there was a cancel (status set with SQL) gets a record too
update newsletter set cancelled_at = now(), cancelled_by = 'migration' where status = 'CANCELLED';
alter table newsletter
    add constraint newsletter_cancel_recorded check ((status = 'CANCELLED') = (cancelled_at is not null));

-- A supervisor may cancel a scheduled or sending newsletter: the deliveries not yet in the outbox
-- become CANCELLED (and the outbox mails not yet claimed by a dispatcher are cancelled there).
alter table newsletter_delivery drop constraint newsletter_delivery_status_check;
alter table newsletter_delivery
    add constraint newsletter_delivery_status_check check (status in ('SCHEDULED', 'ENQUEUED', 'SKIPPED', 'CANCELLED'));
