-- The outbox gauges (aftercare.mail.outbox{state="unknown"}) count parked mails on every scrape;
-- without an index that is a scan of every mail ever sent. Parked mails are few: a partial index.
create index outbound_mail_unknown_idx on outbound_mail (id) where status = 'UNKNOWN';
