package com.aftercare.domain.line;

import com.aftercare.domain.shared.LeasedRows;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The LINE dispatcher's state changes on {@code line_push}: the outbox states shared with mail
 * ({@link LeasedRows}: claim, retry, fail, park), plus what only LINE has: the way a text went
 * (reply token or push), a reply token given up for a push, and a push abandoned mid-send sent
 * again under its retry key.
 */
@Repository
class LinePushRows {

    /** A claimed text with what sending it needs. */
    record Claimed(
            long id,
            long storefront,
            String userId,
            boolean following,
            String text,
            String replyToken,
            Instant replyUntil,
            UUID retryKey,
            int attempts,
            boolean promotional,
            Instant createdAt) {

        /** Whether LINE still takes the reply token (within the window after the customer's message). */
        boolean replyTokenUsable(Instant now) {
            return replyToken != null && replyUntil != null && now.isBefore(replyUntil);
        }
    }

    private final JdbcClient jdbc;
    private final LeasedRows rows;

    LinePushRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new LeasedRows(jdbc, "line_push");
    }

    LeasedRows rows() {
        return rows;
    }

    List<Claimed> claim(String me, Duration lease, int limit) {
        return rows.claim("", """
                id, storefront_id, text, reply_token, reply_until, retry_key, attempts, next_attempt_at,
                (select i.line_user_id from line_identity i where i.id = identity_id) as user_id,
                (select i.following from line_identity i where i.id = identity_id) as following,
                -- a promotional notice (the step mail that chose LINE); a text is queued when it is due
                exists (select 1 from line_notice n where n.push_id = line_push.id and n.kind = 'PROMOTIONAL')
                    as promotional,
                created_at""", me, lease, limit, (rs, row) -> {
            Timestamp until = rs.getTimestamp("reply_until");
            return new Claimed(
                    rs.getLong("id"),
                    rs.getLong("storefront_id"),
                    rs.getString("user_id"),
                    rs.getBoolean("following"),
                    rs.getString("text"),
                    rs.getString("reply_token"),
                    until == null ? null : until.toInstant(),
                    rs.getObject("retry_key", UUID.class),
                    rs.getInt("attempts"),
                    rs.getBoolean("promotional"),
                    rs.getTimestamp("created_at").toInstant());
        });
    }

    /** Being handed to LINE now, by {@code via}; false when the claim is no longer ours. */
    boolean markInFlight(long id, String me, Duration lease, String via) {
        return jdbc.sql("""
                                update line_push
                                   set status = 'IN_FLIGHT', sent_via = :via,
                                       lease_until = now() + :leaseMillis * interval '1 millisecond', updated_at = now()
                                 where id = :id and claimed_by = :me and status = 'CLAIMED'
                                """)
                        .param("id", id)
                        .param("me", me)
                        .param("via", via)
                        .param("leaseMillis", lease.toMillis())
                        .update()
                == 1;
    }

    /**
     * LINE accepted it. UNKNOWN is accepted too: if our lease ran out during a slow answer and
     * another dispatcher parked the text, the answer we did get is the truth.
     */
    void sent(long id, String me, String requestId) {
        jdbc.sql("""
                        update line_push
                           set status = 'SENT', attempts = attempts + 1, request_id = :request, sent_at = now(),
                               lease_until = null, last_error = null, updated_at = now()
                         where id = :id and claimed_by = :me and status in ('IN_FLIGHT', 'UNKNOWN')
                        """)
                .param("id", id)
                .param("me", me)
                .param("request", requestId)
                .update();
    }

    /** LINE refused the reply token (used, or too old): the text goes as a push at once, no attempt counted. */
    void giveUpReplyToken(long id, String me, String why) {
        jdbc.sql("""
                        update line_push
                           set status = 'PENDING', reply_token = null, reply_until = null, last_error = :why,
                               next_attempt_at = now(), claimed_by = null, lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """)
                .param("id", id)
                .param("me", me)
                .param("why", LeasedRows.truncate(why))
                .update();
    }

    /**
     * Texts whose dispatcher vanished while handing them to LINE. A push carries its retry key, so
     * LINE executes it once however often it comes: it is due again at once (a push LINE took
     * answers 409). A reply has no such key: it is parked as UNKNOWN for an operator.
     */
    int recoverAbandonedInFlight() {
        int pushes = jdbc.sql("""
                        update line_push
                           set status = 'PENDING', attempts = attempts + 1, next_attempt_at = now(),
                               last_error = 'lease of ' || claimed_by || ' ran out while pushing: sent again under its retry key',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where status = 'IN_FLIGHT' and lease_until < now() and sent_via = 'PUSH'
                        """).update();
        return pushes + rows.parkAbandonedInFlight("replying on LINE (a reply token cannot be retried safely)");
    }

    /**
     * Texts that must wait, no attempt counted: pushes to a storefront that LINE told to slow down
     * (429), promotional notices that a delay carried into the quiet hours.
     */
    void holdBack(Collection<Long> ids, String me, String why, Duration delay) {
        rows.postpone(ids, me, why, delay);
    }

    /** An operator sends a FAILED or UNKNOWN text again: as a push, under its retry key. */
    boolean release(long id) {
        return jdbc.sql("""
                                update line_push
                                   set status = 'PENDING', reply_token = null, reply_until = null, next_attempt_at = now(),
                                       claimed_by = null, lease_until = null, updated_at = now()
                                 where id = :id and status in ('FAILED', 'UNKNOWN')
                                """).param("id", id).update() == 1;
    }
}
