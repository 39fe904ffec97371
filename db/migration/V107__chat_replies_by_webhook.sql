-- A CHAT inquiry from a storefront's chat widget is answered through the storefront's webhook
-- (inquiry.message_sent), not by mail. The storefront may name its own conversation and customer
-- when it opens the inquiry; they go back with every reply so its widget knows where to show it.
alter table inquiry
    add column chat_conversation_id text check (length(chat_conversation_id) between 1 and 200),
    add column chat_customer_id     text check (length(chat_customer_id) between 1 and 200);

-- What a delivery is about, for the screen that shows its state (an operator's reply:
-- 'inquiry-message:<id>'); null for deliveries nobody looks up one by one.
alter table webhook_delivery add column subject text;

create index webhook_delivery_of_subject on webhook_delivery (subject) where subject is not null;
