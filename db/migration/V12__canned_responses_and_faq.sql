-- Canned responses (定型文) and the FAQ (よくある質問) of the inquiry desk.

-- A canned response is a reply text with {{variables}} (customerName, orderNumber, trackingLink,
-- shopName, reference) filled in for one inquiry. Category null: offered for every category.
create table canned_response (
    id         bigint generated always as identity primary key,
    title      text        not null check (length(title) between 1 and 100),
    body       text        not null check (length(body) between 1 and 20000),
    category   text        check (category in ('SHIPPING', 'PRODUCT', 'RETURN', 'PAYMENT', 'OTHER')),
    language   text        not null check (language in ('ja', 'en')),
    created_by text        not null,
    updated_by text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index canned_response_title_idx on canned_response (language, title, id);

-- An FAQ article: drafted by anyone on the desk (often promoted from a good reply), published by a
-- supervisor; only published articles reach the public portal page and the console's suggestions.
create table faq_article (
    id                bigint generated always as identity primary key,
    question          text        not null check (length(question) between 1 and 300),
    answer            text        not null check (length(answer) between 1 and 20000),
    category          text        not null check (category in ('SHIPPING', 'PRODUCT', 'RETURN', 'PAYMENT', 'OTHER')),
    published         boolean     not null default false,
    source_inquiry_id bigint      references inquiry (id),
    created_by        text        not null,
    updated_by        text        not null,
    published_by      text,
    published_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index faq_article_published_idx on faq_article (category, id) where published;
