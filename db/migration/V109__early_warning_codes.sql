-- Early warnings kept as a code and its one argument, never as English words (issue #14 §2): the
-- console says them in the operator's language (inquiry.flag.code.<CODE> in the messages). For a
-- coded flag, flag_reason holds the argument (the complaint word, the earlier inquiry's reference,
-- the score), so "a flag always says why" holds as before; an operator's own reason has no code.
alter table inquiry add column flag_code text
    check (flag_code in ('COMPLAINT_WORDS', 'REPEAT_CONTACT', 'LOW_SATISFACTION'));
alter table inquiry add constraint inquiry_flag_code_needs_flag check (flag_code is null or flagged);

-- The rows written before, in the three shapes EarlyWarning and SatisfactionSurvey used.
update inquiry
   set flag_code = 'COMPLAINT_WORDS', flag_reason = substr(flag_reason, length('complaint words: ') + 1)
 where flagged and flag_reason like 'complaint words: %';
update inquiry
   set flag_code = 'REPEAT_CONTACT', flag_reason = substring(flag_reason from '\(([^()]*)\)$')
 where flagged and flag_reason ~ '^second contact about the order within a week \([^()]*\)$';
update inquiry
   set flag_code = 'LOW_SATISFACTION', flag_reason = substring(flag_reason from '^CSAT ([1-5])/5$')
 where flagged and flag_reason ~ '^CSAT [1-5]/5$';

-- The trail keeps the same warnings as CODE:argument, the shape the console reads back.
update inquiry_event
   set detail = 'COMPLAINT_WORDS:' || substr(detail, length('complaint words: ') + 1)
 where type = 'FLAGGED' and detail like 'complaint words: %';
update inquiry_event
   set detail = 'REPEAT_CONTACT:' || substring(detail from '\(([^()]*)\)$')
 where type = 'FLAGGED' and detail ~ '^second contact about the order within a week \([^()]*\)$';
update inquiry_event
   set detail = 'LOW_SATISFACTION:' || substring(detail from '^CSAT ([1-5])/5$')
 where type = 'FLAGGED' and detail ~ '^CSAT [1-5]/5$';
