package com.aftercare.domain.operator;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Secrets;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in for operators: TOTP (RFC 6238; 30-second steps, 6 digits, HMAC-SHA1, what
 * every authenticator app reads from an {@code otpauth://} QR code), computed by java-otp, and
 * ten single-use recovery codes for a lost phone. A code is accepted one step either side of now
 * (clock drift, a code typed as it turned over) and never twice: the last accepted step is kept,
 * so a code seen over a shoulder is useless once used. The secret is sealed with {@link Secrets}.
 * Every change is audited.
 */
@Service
public class TwoFactor {

    /** How an operator stands: enrolled or not, and how many recovery codes are left. */
    public record Status(boolean enabled, Instant enabledAt, int recoveryCodesLeft) {}

    private static final int RECOVERY_CODES = 10;
    private static final int SECRET_BYTES = 20;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
    private final SecureRandom random = new SecureRandom();

    TwoFactor(JdbcClient jdbc, Secrets secrets, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Status status(String username) {
        return jdbc.sql("""
                        select o.totp_enabled_at,
                               (select count(*) from operator_recovery_code r
                                 where r.operator_id = o.id and r.used_at is null) as left
                          from operator o where o.username = :u
                        """)
                .param("u", username)
                .query((rs, i) -> {
                    Instant at = rs.getTimestamp(1) == null
                            ? null
                            : rs.getTimestamp(1).toInstant();
                    return new Status(at != null, at, rs.getInt(2));
                })
                .optional()
                .orElseThrow(() -> NotFound.operator(username));
    }

    /** A new random secret, Base32 as authenticator apps take it; nothing is stored until {@link #enable}. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The {@code otpauth://} URI an authenticator app reads from a QR code. */
    public static String otpauthUri(String issuer, String username, String secret) {
        String label = encode(issuer) + ":" + encode(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /**
     * Turns two-factor sign-in on with {@code secret}, once the operator proved their app has it
     * by a current {@code code}; replaces any earlier secret and recovery codes.
     *
     * @return the new recovery codes, in clear, to be shown once
     * @throws InvalidValue ({@code code}) when the code does not match the secret
     */
    @Transactional
    public List<String> enable(String username, String secret, String code, String by) {
        long step = matchingStep(secret, code, null)
                .orElseThrow(
                        () -> new InvalidValue("code", "does not match: check the phone's time and try the next code"));
        long id = idOf(username, true);
        jdbc.sql("""
                        update operator set totp_secret_sealed = :s, totp_enabled_at = :now, totp_last_step = :step
                         where id = :id
                        """)
                .param("s", secrets.seal(secret, secretRow(id), "code"))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("step", step)
                .param("id", id)
                .update();
        List<String> codes = replaceRecoveryCodes(id);
        audit.record(by, "operator.2fa-enabled", "operator", username, Map.of());
        return codes;
    }

    /** New recovery codes for an enrolled operator, the old ones void; audited. */
    @Transactional
    public List<String> renewRecoveryCodes(String username) {
        if (!status(username).enabled()) {
            throw new InvalidValue("code", "two-factor sign-in is not on");
        }
        List<String> codes = replaceRecoveryCodes(idOf(username, true));
        audit.record(username, "operator.2fa-recovery-renewed", "operator", username, Map.of());
        return codes;
    }

    /** Turns two-factor sign-in off (the operator themselves, or an admin resetting a lost phone); audited. */
    @Transactional
    public void disable(String username, String by) {
        long id = idOf(username, true);
        jdbc.sql("""
                        update operator set totp_secret_sealed = null, totp_enabled_at = null, totp_last_step = null
                         where id = :id
                        """).param("id", id).update();
        jdbc.sql("delete from operator_recovery_code where operator_id = :id")
                .param("id", id)
                .update();
        audit.record(by, "operator.2fa-disabled", "operator", username, Map.of());
    }

    /**
     * Checks a code at sign-in: a current TOTP code not used before, or an unused recovery code
     * (which is then spent, audited). Serialised per operator by the row lock, so two tabs sending
     * the same code get one yes.
     */
    @Transactional
    public boolean verify(String username, String code) {
        long id = idOf(username, true);
        var row = jdbc.sql("select totp_secret_sealed, totp_last_step from operator where id = :id")
                .param("id", id)
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getObject(2, Long.class)})
                .single();
        if (row[0] == null || code == null) {
            return false;
        }
        String secret = secrets.open((byte[]) row[0], secretRow(id));
        Optional<Long> step = matchingStep(secret, code, (Long) row[1]);
        if (step.isPresent()) {
            jdbc.sql("update operator set totp_last_step = :s where id = :id")
                    .param("s", step.get())
                    .param("id", id)
                    .update();
            return true;
        }
        return spendRecoveryCode(id, username, code);
    }

    private boolean spendRecoveryCode(long id, String username, String code) {
        String normalized =
                code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (normalized.length() != 10) {
            return false;
        }
        int spent = jdbc.sql("""
                        update operator_recovery_code set used_at = now()
                         where operator_id = :id and code_hash = :h and used_at is null
                        """)
                .param("id", id)
                .param("h", DigestUtils.sha256(normalized))
                .update();
        if (spent == 1) {
            audit.record(username, "operator.2fa-recovery-used", "operator", username, Map.of());
        }
        return spent == 1;
    }

    /** The step whose code this is (now, or one either side), later than {@code lastUsed}. */
    private Optional<Long> matchingStep(String secret, String code, Long lastUsed) {
        String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{6}")) {
            return Optional.empty();
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
        long stepSeconds = totp.getTimeStep().toSeconds();
        long now = clock.instant().getEpochSecond() / stepSeconds;
        for (long step = now - 1; step <= now + 1; step++) {
            if (lastUsed != null && step <= lastUsed) {
                continue;
            }
            try {
                String expected =
                        totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * stepSeconds), Locale.ROOT);
                if (MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(step);
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("a Base32 secret is always a valid HMAC key", e);
            }
        }
        return Optional.empty();
    }

    private List<String> replaceRecoveryCodes(long id) {
        jdbc.sql("delete from operator_recovery_code where operator_id = :id")
                .param("id", id)
                .update();
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder(10);
            for (int c = 0; c < 10; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            jdbc.sql("insert into operator_recovery_code (operator_id, code_hash) values (:id, :h)")
                    .param("id", id)
                    .param("h", DigestUtils.sha256(code.toString()))
                    .update();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    private long idOf(String username, boolean lock) {
        return jdbc.sql("select id from operator where username = :u" + (lock ? " for update" : ""))
                .param("u", username)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFound.operator(username));
    }

    private static String secretRow(long operatorId) {
        return "operator-totp:" + operatorId;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
