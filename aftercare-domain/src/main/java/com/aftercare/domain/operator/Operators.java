package com.aftercare.domain.operator;

import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.domain.shared.NotFound;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        requireUpdated(
                jdbc.sql("update operator set enabled = :e where username = :u")
                        .param("e", enabled)
                        .param("u", username)
                        .update(),
                username);
    }

    /** Lifts a lockout at once and forgets the failed attempts that led to it. */
    @Transactional
    public void unlock(String username) {
        requireUpdated(
                jdbc.sql("update operator set failed_logins = 0, locked_until = null where username = :u")
                        .param("u", username)
                        .update(),
                username);
    }

    /**
     * Counts a failed login (wrong password) of an existing operator, and locks the account for
     * {@code lockFor} when this failure reaches {@code threshold} consecutive ones. A lock that has
     * run out starts the count afresh. Unknown usernames change nothing.
     *
     * @return true when this failure locked the account
     */
    @Transactional
    public boolean recordFailedLogin(String username, Instant now, int threshold, Duration lockFor) {
        return jdbc.sql("""
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
