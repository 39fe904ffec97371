-- Operators change an inquiry's priority in the console; the trail records each change
-- ("NORMAL → URGENT"), like flagging and unflagging by hand.
alter table inquiry_event drop constraint inquiry_event_type_check;
alter table inquiry_event add constraint inquiry_event_type_check
    check (type in ('CREATED', 'ASSIGNED', 'STATUS_CHANGED', 'REPLIED', 'NOTE_ADDED',
                    'CUSTOMER_REPLIED', 'FLAGGED', 'UNFLAGGED', 'PRIORITY_CHANGED'));
