package com.aftercare.web.security;

import com.aftercare.domain.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Console sessions, as Spring Session keeps them in PostgreSQL: the signed-in ones for the admin's
 * list, and ending them, one or all of an operator's. Ending deletes the session row, so the next
 * request on any instance finds no session and goes to the login page.
 */
@Component
public class OperatorSessions {

    /** A signed-in session as the admin page shows it; {@code id} is never shown, only posted back. */
    public record Active(String id, String username, Instant signedInAt, Instant lastSeenAt, String clientAddress) {}

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    OperatorSessions(FindByIndexNameSessionRepository<? extends Session> sessions, JdbcClient jdbc, AuditLog audit) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every signed-in, unexpired session, the most recently used first. */
    public List<Active> active() {
        return jdbc.sql("""
                        select session_id from spring_session
                         where principal_name is not null
                           and expiry_time > (extract(epoch from now()) * 1000)::bigint
                         order by last_access_time desc
                         limit 500
                        """).query(String.class).list().stream()
                .map(id -> sessions.findById(id.strip()))
                .filter(Objects::nonNull)
                .map(OperatorSessions::active)
                .filter(Objects::nonNull)
                .toList();
    }

    private static Active active(Session session) {
        SecurityContext context =
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context == null || context.getAuthentication() == null) {
            return null;
        }
        String address = context.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        return new Active(
                session.getId(),
                context.getAuthentication().getName(),
                session.getCreationTime(),
                session.getLastAccessedTime(),
                address);
    }

    /** Ends one session, audited ({@code operator.session-ended}) as done by {@code by}; false when it had already ended. */
    public boolean end(String sessionId, String by) {
        Session session = sessions.findById(sessionId);
        Active active = session == null ? null : active(session);
        if (active == null) {
            return false;
        }
        sessions.deleteById(sessionId);
        audit.record(by, "operator.session-ended", "operator", active.username(), Map.of("sessions", 1));
        return true;
    }

    /**
     * Ends every session of the operator, on every instance, audited when there were any; returns
     * how many there were.
     */
    public int endAllOf(String username, String by) {
        var found = sessions.findByPrincipalName(username).keySet();
        found.forEach(sessions::deleteById);
        if (!found.isEmpty()) {
            audit.record(by, "operator.session-ended", "operator", username, Map.of("sessions", found.size()));
        }
        return found.size();
    }
}
