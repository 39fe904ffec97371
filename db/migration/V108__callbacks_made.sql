-- A callback promised on the phone is done when an operator marks it so on the callbacks list:
-- it leaves the list, stays on the inquiry (and the customer's timeline) as made, by whom and when.
alter table inquiry
    add column callback_done_at timestamptz,
    add column callback_done_by text,
    add constraint inquiry_callback_done_check
        check ((callback_done_at is null) = (callback_done_by is null) and (callback_done_at is null or callback_wanted));

alter table inquiry_event drop constraint inquiry_event_type_check;
alter table inquiry_event add constraint inquiry_event_type_check
    check (type in ('CREATED', 'ASSIGNED', 'STATUS_CHANGED', 'REPLIED', 'NOTE_ADDED',
                    'CUSTOMER_REPLIED', 'FLAGGED', 'UNFLAGGED', 'PRIORITY_CHANGED', 'CALLED_BACK'));
