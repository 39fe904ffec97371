-- The queue's sort order (flagged first, then the next due time, then priority, then id) as one
-- index over open work, so a page is an index range scan however many inquiries there are. The
-- expressions must stay identical to InquiryQueue's.
create index inquiry_queue_order_idx on inquiry (
    (case when flagged then 0 else 1 end),
    (case when first_responded_at is null then first_response_due_at else resolution_due_at end),
    (case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end),
    id)
    where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER');
