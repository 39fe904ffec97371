-- Notes about a customer as a person, not about one inquiry or claim (顧客情報の共有): "prefers a
-- call in the evening", "gift buyer, never mention prices". Shown on the customer's page and
-- beside every inquiry of theirs. Append-only; the author is the operator's username.
create table customer_note (
    id          bigint generated always as identity primary key,
    customer_id bigint      not null references customer (id),
    body        text        not null check (length(body) between 1 and 2000),
    author      text        not null,
    created_at  timestamptz not null default now()
);
create index customer_note_customer_idx on customer_note (customer_id, created_at desc);
