-- LINE pictures, stickers and files taken before they were kept in words (#12): their bodies still
-- hold the emoji labels the first LINE intake wrote, which a browser without an emoji font draws as
-- an empty box. Only the exact forms that code wrote are changed, and only on messages LINE
-- delivered as such (content_kind), so a customer's text that happens to start with an emoji stays:
--   picture  '📷'                -> '[画像]'
--   sticker  '🏷️' / '🏷️ <words>' -> '[スタンプ]' / '[スタンプ] <words>'
--   file     '📎 <name or id>'   -> '[ファイル] <name or id>'
-- The words are the ones the intake writes now (inquiry.line.kind.* in the messages files), in the
-- shop's language: spring.flyway.init-sqls passes aftercare.mail.language in as the session setting
-- aftercare.mail_language ('en…' gives [Picture], [Sticker], [File]; unset, as under psql, Japanese).
-- A LINE conversation opened by such a message took its subject from it (its first line, 40
-- characters and '…'): a subject still equal to the one the old body gave is made from the new body.
-- Running this again changes nothing (no old form is left). The emoji are written as escapes so the
-- file does not depend on an editor keeping them; 🏷️ is U+1F3F7 with the variation selector U+FE0F.
with words as (
    select case when coalesce(current_setting('aftercare.mail_language', true), '') like 'en%'
                then 'Picture' else '画像' end as picture,
           case when coalesce(current_setting('aftercare.mail_language', true), '') like 'en%'
                then 'Sticker' else 'スタンプ' end as sticker,
           case when coalesce(current_setting('aftercare.mail_language', true), '') like 'en%'
                then 'File' else 'ファイル' end as file
),
relabelled as (
    select m.id, m.inquiry_id, m.body as old_body,
           case
               when m.content_kind = 'IMAGE' and m.body = U&'\+01F4F7'
                   then '[' || w.picture || ']'
               when m.content_kind = 'STICKER' and m.body = U&'\+01F3F7\FE0F'
                   then '[' || w.sticker || ']'
               when m.content_kind = 'STICKER' and left(m.body, 3) = U&'\+01F3F7\FE0F '
                   then '[' || w.sticker || '] ' || substr(m.body, 4)
               when m.content_kind = 'FILE' and left(m.body, 2) = U&'\+01F4CE '
                   then '[' || w.file || '] ' || substr(m.body, 3)
           end as new_body
      from inquiry_message m cross join words w
     where m.direction = 'INBOUND' and m.content_kind in ('IMAGE', 'STICKER', 'FILE')
),
changed as (
    update inquiry_message m set body = r.new_body
      from relabelled r
     where m.id = r.id and r.new_body is not null
    returning m.id, m.inquiry_id, r.old_body, r.new_body
),
subjects as (
    -- LineConversations.subjectOf: the first line, stripped, cut at 40 characters with '…'
    select c.inquiry_id, c.id,
           case when char_length(o.line) > 40 then left(o.line, 40) || '…' else o.line end as old_subject,
           case when char_length(n.line) > 40 then left(n.line, 40) || '…' else n.line end as new_subject
      from changed c
     cross join lateral (select btrim(split_part(btrim(c.old_body), E'\n', 1)) as line) o
     cross join lateral (select btrim(split_part(btrim(c.new_body), E'\n', 1)) as line) n
)
update inquiry i set subject = s.new_subject
  from subjects s
 where i.id = s.inquiry_id and i.channel = 'LINE' and i.subject = s.old_subject
   and s.id = (select min(f.id) from inquiry_message f where f.inquiry_id = i.id);
