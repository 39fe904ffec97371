-- An audit entry's details are shown as "label: value" in the order the auditing code wrote them
-- (a policy's terms as its form asks them, a change's "from" before its "to"). jsonb keeps no key
-- order (it sorts keys by length), json keeps the text as written: nothing searches inside the
-- details by index, and ->> works the same on json. Entries written before this keep the order
-- jsonb gave them; there is no way back to the one they were written in.
alter table audit_log alter column details drop default;
alter table audit_log alter column details type json using details::json;
alter table audit_log alter column details set default '{}'::json;
