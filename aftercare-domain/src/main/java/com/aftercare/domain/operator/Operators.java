package com.aftercare.domain.operator;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.domain.shared.NotFound;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who work in the console, with their role. Passwords arrive already hashed. What an
 * admin changes, and a lockout, is written to the audit trail in the same transaction.
 */
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

    /** An operator as the admin pages list them: never the password hash. */
    public record Summary(
            long id,
            String username,
            String displayName,
            Role role,
            boolean enabled,
            int failedLogins,
            Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Operators(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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

    /**
     * Creates a new operator; refuses a username that exists already (whatever its case of use),
     * so an admin can never overwrite someone by typing their name.
     */
    @Transactional
    public long create(String username, String passwordHash, String displayName, Role role) {
        return jdbc.sql("""
                        insert into operator (username, password_hash, display_name, role)
                        values (:u, :p, :d, :r)
                        on conflict (username) do nothing
                        returning id
                        """)
                .param("u", username)
                .param("p", passwordHash)
                .param("d", displayName)
                .param("r", role.name())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> AlreadyExists.operator(username));
    }

    /**
     * Creates a new operator as {@link #create(String, String, String, Role)} does, for an admin,
     * and audits it ({@code operator.created}).
     *
     * @param createdBy the admin's username
     */
    @Transactional
    public long create(String username, String passwordHash, String displayName, Role role, String createdBy) {
        long id = create(username, passwordHash, displayName, role);
        audit.record(
                createdBy,
                "operator.created",
                "operator",
                username,
                AuditLog.details("id", id, "displayName", displayName, "role", role.name()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Summary> all() {
        return jdbc.sql("""
                        select id, username, display_name, role, enabled, failed_logins, locked_until
                        from operator order by username
                        """)
                .query((rs, i) -> new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getInt(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Lets the operator log in again; audited ({@code operator.enabled}) as done by {@code by}. */
    @Transactional
    public void enable(String username, String by) {
        setEnabled(username, true, by, "operator.enabled");
    }

    /** Keeps the operator out from now on; audited ({@code operator.disabled}) as done by {@code by}. */
    @Transactional
    public void disable(String username, String by) {
        setEnabled(username, false, by, "operator.disabled");
    }

    private void setEnabled(String username, boolean enabled, String by, String action) {
        requireUpdated(
                jdbc.sql("update operator set enabled = :e where username = :u")
                        .param("e", enabled)
                        .param("u", username)
                        .update(),
                username);
        audit.record(by, action, "operator", username, Map.of());
    }

    /**
     * Gives the operator another role; audited ({@code operator.role-changed}, with the old and
     * the new role) as done by {@code by}. The caller ends the operator's sessions: a session keeps
     * the role it was opened with.
     *
     * @return false when the operator already had that role (nothing changed, nothing audited)
     */
    @Transactional
    public boolean changeRole(String username, Role role, String by) {
        Role before = jdbc.sql("select role from operator where username = :u for update")
                .param("u", username)
                .query((rs, i) -> Role.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> NotFound.operator(username));
        if (before == role) {
            return false;
        }
        jdbc.sql("update operator set role = :r where username = :u")
                .param("r", role.name())
                .param("u", username)
                .update();
        audit.record(
                by,
                "operator.role-changed",
                "operator",
                username,
                AuditLog.details("from", before.name(), "to", role.name()));
        return true;
    }

    /**
     * Lifts a lockout at once and forgets the failed attempts that led to it; audited
     * ({@code operator.unlocked}) as done by {@code by}.
     */
    @Transactional
    public void unlock(String username, String by) {
        requireUpdated(
                jdbc.sql("update operator set failed_logins = 0, locked_until = null where username = :u")
                        .param("u", username)
                        .update(),
                username);
        audit.record(by, "operator.unlocked", "operator", username, Map.of());
    }

    /**
     * Counts a failed login (wrong password) of an existing operator, and locks the account for
     * {@code lockFor} when this failure reaches {@code threshold} consecutive ones, which is
     * audited ({@code operator.locked}, by {@code system}). A lock that has run out starts the
     * count afresh. Unknown usernames change nothing.
     *
     * @return true when this failure locked the account
     */
    @Transactional
    public boolean recordFailedLogin(String username, Instant now, int threshold, Duration lockFor) {
        boolean locked = jdbc.sql("""
                        update operator set
                            failed_logins = case when locked_until <= cast(:now as timestamptz)
                                                 then 1 else failed_logins + 1 end,
                            locked_until = case
                                when (case when locked_until <= cast(:now as timestamptz)
                                           then 1 else failed_logins + 1 end) >= :threshold
                                    then cast(:until as timestamptz)
                                when locked_until <= cast(:now as timestamptz) then null
                                else locked_until end
                        where username = :u
                        returning coalesce(locked_until = cast(:until as timestamptz), false)
                        """)
                .param("u", username)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lockFor)))
                .param("threshold", threshold)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (locked) {
            audit.record(
                    "system",
                    "operator.locked",
                    "operator",
                    username,
                    AuditLog.details("failedLogins", threshold, "lockedFor", lockFor.toString()));
        }
        return locked;
    }

    /** A successful login ends the run of failures. */
    @Transactional
    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update operator set failed_logins = 0, locked_until = null"
                        + " where username = :u and (failed_logins <> 0 or locked_until is not null)")
                .param("u", username)
                .update();
    }

    private static void requireUpdated(int rows, String username) {
        if (rows == 0) {
            throw NotFound.operator(username);
        }
    }

    /** Where the console sends this operator's test mails, if they gave an address. */
    @Transactional(readOnly = true)
    public Optional<String> testMailAddress(String username) {
        return jdbc.sql("select email from operator where username = :u and email is not null")
                .param("u", username)
                .query(String.class)
                .optional();
    }

    /** Sets the address for the operator's own test mails (checked by the outbox before any mail). */
    @Transactional
    public void setTestMailAddress(String username, String email) {
        jdbc.sql("update operator set email = :e where username = :u")
                .param("u", username)
                .param("e", email)
                .update();
    }
}
