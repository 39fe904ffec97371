package com.aftercare.domain.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one audit trail of the platform: who did what to which thing, and when. Any module may
 * record into it (console admin actions, the inquiry desk, reveals of personal data). An entry
 * joins the caller's transaction, so an action and its trace commit or vanish together.
 */
@Service
public class AuditLog {

    /** One entry as the console shows it. */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String targetType,
            String targetId,
            Map<String, Object> details) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {};
    private static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action. {@code details} must never hold secrets (passwords, API keys): the trail
     * is read by every admin.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String targetType, String targetId, Map<String, ?> details) {
        jdbc.sql("""
                        insert into audit_log (at, actor, action, target_type, target_id, details)
                        values (:at, :actor, :action, :type, :id, cast(:details as jsonb))
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("type", targetType)
                .param("id", targetId)
                .param("details", JSON.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }

    /** The newest entries first. */
    @Transactional(readOnly = true)
    public List<Entry> recent(int limit) {
        return jdbc.sql("""
                        select id, at, actor, action, target_type, target_id, details::text
                        from audit_log order by at desc, id desc limit :limit
                        """)
                .param("limit", Math.max(1, Math.min(limit, MAX_LIMIT)))
                .query((rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        JSON.readValue(rs.getString(7), DETAILS)))
                .list();
    }
}
