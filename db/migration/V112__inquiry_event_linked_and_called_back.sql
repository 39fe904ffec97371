-- V102 (LINE linking) and V108 (callbacks made) were written side by side and each redefined the
-- trail's type check with only its own new type; V108, applied later, dropped LINKED again. The
-- check names both.
alter table inquiry_event drop constraint inquiry_event_type_check;
alter table inquiry_event add constraint inquiry_event_type_check
    check (type in ('CREATED', 'ASSIGNED', 'STATUS_CHANGED', 'REPLIED', 'NOTE_ADDED',
                    'CUSTOMER_REPLIED', 'FLAGGED', 'UNFLAGGED', 'PRIORITY_CHANGED', 'CALLED_BACK', 'LINKED'));
