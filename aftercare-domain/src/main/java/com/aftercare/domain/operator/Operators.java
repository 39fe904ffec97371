package com.aftercare.domain.operator;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who work in the console, with their role. Passwords arrive already hashed. */
@Service
public class Operators {

    /** Roles grow in power from OPERATOR to ADMIN. */
    public enum Role {
        OPERATOR,
        SUPERVISOR,
        ADMIN
    }

    /** An operator as the login sees them. */
    public record Account(
            long id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            boolean enabled,
            java.time.Instant lockedUntil) {}

    private final JdbcClient jdbc;

    Operators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return jdbc.sql(
                        "select id, username, password_hash, display_name, role, enabled, locked_until from operator where username = :u")
                .param("u", username)
                .query((rs, i) -> new Account(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Role.valueOf(rs.getString(5)),
                        rs.getBoolean(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /**
     * Creates the operator, or resets the password and role of an existing one: used to make the
     * bootstrap admin idempotently at every start.
     */
    @Transactional
    public void ensure(String username, String passwordHash, String displayName, Role role) {
        jdbc.sql("""
                        insert into operator (username, password_hash, display_name, role)
                        values (:u, :p, :d, :r)
                        on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role,
                                                             enabled = true, failed_logins = 0, locked_until = null
                        """)
                .param("u", username)
                .param("p", passwordHash)
                .param("d", displayName)
                .param("r", role.name())
                .update();
    }
}
