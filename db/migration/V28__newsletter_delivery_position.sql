-- Each recipient's place in its newsletter's send (0, 1, 2… in customer order): the throttle
-- makes it due position / rate_per_minute minutes after the start, and a recipient postponed by
-- the frequency cap keeps the same place on the day it moves to, so postponed mails are paced too.
alter table newsletter_delivery add column position int check (position >= 0);
