-- Idempotency keys are forgotten after aftercare.api.idempotency-retention (30 days by default):
-- the scheduled cleanup finds them by age.
create index api_request_created_idx on api_request (created_at);
