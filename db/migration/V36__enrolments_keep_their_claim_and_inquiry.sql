-- Step mail owns its tables and learns about claims and inquiries from their events only. V20 gave
-- enrolment foreign keys into claim and inquiry (other modules' tables), and the scheduler read the
-- RMA and the inquiry reference from there. Now the enrolment keeps what the events carried: the ids
-- stay (the enrolment's key: one per claim or inquiry), without foreign keys, and the RMA and the
-- reference are stored with the enrolment when it is made.
--
-- one-time data move across owners: claim, inquiry (the references of enrolments made before)

alter table enrolment
    drop constraint enrolment_claim_id_fkey,
    drop constraint enrolment_inquiry_id_fkey,
    add column claim_rma text,
    add column inquiry_reference text;

update enrolment e set claim_rma = c.rma from claim c where c.id = e.claim_id;
update enrolment e set inquiry_reference = i.reference from inquiry i where i.id = e.inquiry_id;

alter table enrolment
    add check ((claim_id is null) = (claim_rma is null)),
    add check ((inquiry_id is null) = (inquiry_reference is null));
