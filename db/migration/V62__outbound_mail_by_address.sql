-- An erasure finds the mails of a person also by their address: a mail sent without a customer id
-- (an answer to someone not yet known) still names them. See docs/privacy.md.
create index outbound_mail_to_address_idx on outbound_mail (lower(to_address));
