package com.aftercare.domain.line;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.NotFound;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What became of texts sent to LINE, for the inquiry that sent them, and an operator's resend. */
@Service
public class LinePushes {

    /** PENDING, CLAIMED and IN_FLIGHT are on their way; SENT, FAILED and UNKNOWN are where they stay. */
    public enum Status {
        PENDING,
        CLAIMED,
        IN_FLIGHT,
        SENT,
        FAILED,
        UNKNOWN;

        /** Whether an operator may send it again: LINE refused it, or may not have taken it. */
        public boolean releasable() {
            return this == FAILED || this == UNKNOWN;
        }
    }

    /**
     * @param via {@code REPLY} or {@code PUSH}, once tried
     * @param error the last failure as LINE or the connection gave it
     */
    public record PushState(long id, Status status, String via, int attempts, String error, Instant sentAt) {

        /** Why it was not sent or may not have arrived, for the console's words; null otherwise. */
        public LineFailure cause() {
            return LineFailure.of(status, error);
        }
    }

    private final JdbcClient jdbc;
    private final LinePushRows rows;
    private final AuditLog audit;

    LinePushes(JdbcClient jdbc, LinePushRows rows, AuditLog audit) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Map<Long, PushState> states(Collection<Long> ids) {
        Map<Long, PushState> states = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        jdbc.sql("select id, status, sent_via, attempts, last_error, sent_at from line_push where id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> {
                    Timestamp sent = rs.getTimestamp(6);
                    return new PushState(
                            rs.getLong(1),
                            Status.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getString(5),
                            sent == null ? null : sent.toInstant());
                })
                .list()
                .forEach(state -> states.put(state.id(), state));
        return states;
    }

    /**
     * Sends a FAILED or UNKNOWN text again, as a push under its retry key (LINE executes a key once);
     * audited ({@code line.push.released}). Nothing happens to a text on its way or sent.
     *
     * @throws NotFound for an unknown text
     */
    @Transactional
    public boolean release(long id, String by) {
        if (states(List.of(id)).isEmpty()) {
            throw NotFound.linePush(id);
        }
        boolean released = rows.release(id);
        if (released) {
            audit.record(by, "line.push.released", "line_push", Long.toString(id), Map.of());
        }
        return released;
    }
}
