-- LINE's video, audio and location messages are kept as what they are (#12): a video or a voice
-- message with its content as an attachment, a location with its name and address in words.
-- Until now the intake took them for files named after their type, so the desk showed
-- '[ファイル] video', '[ファイル] audio', '[ファイル] location' (an English word on a Japanese page).
alter table inquiry_message drop constraint inquiry_message_content_kind_check;
alter table inquiry_message add constraint inquiry_message_content_kind_check
    check (content_kind in ('IMAGE', 'STICKER', 'FILE', 'POSTBACK', 'VIDEO', 'AUDIO', 'LOCATION'));

-- The messages taken before: only the exact body that code wrote ('[<file>] <type>', in the shop's
-- language as V118 wrote it) on an inbound LINE FILE, so a file a customer really named "video"
-- ('[ファイル] video.mp4') stays. Their new words are the intake's (inquiry.line.kind.*), in the
-- shop's language as V118 chose it; a conversation whose subject came from such a body gets the new
-- words as its subject. The content of an old video or recording was never kept: there is none to
-- attach now. Running this again changes nothing.
with words as (
    select coalesce(current_setting('aftercare.mail_language', true), '') like 'en%' as en
),
relabelled as (
    select m.id, m.inquiry_id, m.body as old_body, t.kind,
           '[' || case t.kind
                      when 'VIDEO' then case when w.en then 'Video' else '動画' end
                      when 'AUDIO' then case when w.en then 'Voice message' else '音声メッセージ' end
                      else case when w.en then 'Location' else '位置情報' end
                  end || ']' as new_body
      from inquiry_message m
     cross join words w
     cross join lateral (
           select case substr(m.body, strpos(m.body, '] ') + 2)
                      when 'video' then 'VIDEO' when 'audio' then 'AUDIO' when 'location' then 'LOCATION'
                  end as kind) t
     where m.direction = 'INBOUND' and m.content_kind = 'FILE' and m.channel = 'LINE'
       and m.body in ('[ファイル] video', '[ファイル] audio', '[ファイル] location',
                      '[File] video', '[File] audio', '[File] location')
),
changed as (
    update inquiry_message m set body = r.new_body, content_kind = r.kind
      from relabelled r
     where m.id = r.id
    returning m.id, m.inquiry_id, r.old_body, r.new_body
)
update inquiry i set subject = c.new_body
  from changed c
 where i.id = c.inquiry_id and i.channel = 'LINE' and i.subject = c.old_body
   and c.id = (select min(f.id) from inquiry_message f where f.inquiry_id = i.id);
