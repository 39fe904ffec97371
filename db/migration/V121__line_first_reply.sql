-- The automatic first reply on LINE (#12): when a LINE-only customer (an account not linked to an
-- order, a customer without an email) opens a new conversation, the desk answers once, at once,
-- with a short greeting and the portal's order lookup link. Owned by the domain
-- (com.aftercare.domain.line); the inquiry module asks LineChannels for it.

-- The storefront's switch: off for every channel, existing and new, until an admin turns it on
-- (audited). A shop may already greet in LINE Official Account Manager (its auto-reply or
-- greeting message), and two greetings in a row are worse than none; and it is the shop speaking
-- on its own account, which an admin decides, as for notices on LINE.
alter table line_channel add column first_reply boolean not null default false;

-- The shop's own words; null: the default words of the messages files in the customer's language.
-- {link} stands where the link goes, else it follows on a line of its own.
alter table line_channel add column first_reply_text text
    check (first_reply_text is null or char_length(first_reply_text) between 1 and 1000);
