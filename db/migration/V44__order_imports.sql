-- Order CSV imports (issue #11, section 2), owned by the domain (com.aftercare.domain.imports):
-- malls that push nothing export their orders as CSV; an operator uploads the file, and a
-- background worker on any instance turns each order of it into the same storefront events the
-- API takes. The file itself is kept in 1 MiB parts, so the worker streams it part by part and
-- never holds a 100k-row file in memory, and any instance can pick it up.
create table order_import (
    id            bigint generated always as identity primary key,
    storefront_id bigint      not null references storefront (id),
    file_name     text        not null check (length(file_name) between 1 and 255),
    -- the charset the file was read in (decided at upload: BOM → UTF-8, strict UTF-8, else the operator's choice)
    charset       text        not null check (charset in ('UTF-8', 'windows-31j')),
    -- file column → our field, as the operator mapped it: {"ORDER_NUMBER": "受注番号", …}
    mapping       jsonb       not null,
    size_bytes    bigint      not null check (size_bytes >= 0),
    status        text        not null check (status in ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_total    integer     not null check (rows_total >= 0),
    -- rows already taken (applied or refused), committed with what they changed: a crashed
    -- worker's successor resumes after them (always at an order's first row)
    rows_done     integer     not null default 0 check (rows_done >= 0),
    rows_failed   integer     not null default 0 check (rows_failed >= 0),
    orders_done   integer     not null default 0 check (orders_done >= 0),
    orders_failed integer     not null default 0 check (orders_failed >= 0),
    failure       text        check (length(failure) <= 1000),
    lease_owner   text,
    lease_until   timestamptz,
    created_by    text        not null,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz not null,
    check (rows_done <= rows_total and rows_failed <= rows_done)
);
-- the worker's queue: what waits, or whose lease ran out
create index order_import_queue_idx on order_import (created_at, id) where status in ('QUEUED', 'RUNNING');
create index order_import_storefront_idx on order_import (storefront_id, created_at desc);

create table order_import_part (
    import_id bigint  not null references order_import (id) on delete cascade,
    part_no   integer not null check (part_no >= 0),
    content   bytea   not null,
    primary key (import_id, part_no)
);

-- each problem of a refused row, by row (1 = the first data row after the header) and column
create table order_import_error (
    id          bigint generated always as identity primary key,
    import_id   bigint  not null references order_import (id) on delete cascade,
    row_no      integer not null check (row_no >= 1),
    column_name text    check (length(column_name) <= 200),
    message     text    not null check (length(message) <= 1000)
);
create index order_import_error_import_idx on order_import_error (import_id, row_no, id);

-- the operator's mapping per storefront, offered again on the next upload
create table order_import_mapping (
    storefront_id bigint      primary key references storefront (id),
    mapping       jsonb       not null,
    charset       text        check (charset in ('UTF-8', 'windows-31j')),
    updated_at    timestamptz not null,
    updated_by    text        not null
);
