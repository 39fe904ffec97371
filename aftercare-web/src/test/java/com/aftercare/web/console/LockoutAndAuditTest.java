package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lockout counter and the audit trail against the real schema, with time given explicitly. */
@AftercareIntegrationTest
class LockoutAndAuditTest {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    @Autowired
    Operators operators;

    @Autowired
    AuditLog audit;

    @Test
    void shouldLockOnTheFifthConsecutiveFailureOnly() {
        String username = newOperator();

        for (int i = 1; i <= 4; i++) {
            assertThat(operators.recordFailedLogin(username, T0, 5, LOCK)).isFalse();
        }
        assertThat(operators.recordFailedLogin(username, T0, 5, LOCK)).isTrue();

        assertThat(operators.find(username).orElseThrow().lockedUntil()).isEqualTo(T0.plus(LOCK));
    }

    @Test
    void shouldStartCountingAfreshWhenTheLockHasRunOut() {
        String username = newOperator();
        for (int i = 1; i <= 5; i++) {
            operators.recordFailedLogin(username, T0, 5, LOCK);
        }

        Instant later = T0.plus(LOCK).plusSeconds(1);
        assertThat(operators.recordFailedLogin(username, later, 5, LOCK)).isFalse();

        Operators.Summary summary = summary(username);
        assertThat(summary.failedLogins()).isEqualTo(1);
        assertThat(summary.lockedAt(later)).isFalse();
    }

    @Test
    void shouldForgetFailuresAfterASuccessfulLogin() {
        String username = newOperator();
        for (int i = 1; i <= 4; i++) {
            operators.recordFailedLogin(username, T0, 5, LOCK);
        }

        operators.recordSuccessfulLogin(username);

        assertThat(operators.recordFailedLogin(username, T0, 5, LOCK)).isFalse();
        assertThat(summary(username).failedLogins()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreFailuresOfUnknownUsernames() {
        assertThat(operators.recordFailedLogin(Events.unique("ghost"), T0, 1, LOCK))
                .isFalse();
    }

    @Test
    void shouldRefuseADuplicateAndAnUnknownOperator() {
        String username = newOperator();

        assertThatThrownBy(() -> operators.create(username, "$2a$x", "誰か", Operators.Role.OPERATOR))
                .isInstanceOf(AlreadyExists.class);
        assertThatThrownBy(() -> operators.unlock(Events.unique("ghost"), "admin"))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void shouldAuditALockAndWhatAnAdminChangesWithWhoDidIt() {
        String username = newOperator();
        for (int i = 1; i <= 3; i++) {
            operators.recordFailedLogin(username, T0, 3, LOCK);
        }
        operators.unlock(username, "chief");
        operators.disable(username, "chief");
        operators.enable(username, "chief");
        String created = Events.unique("new").toLowerCase();
        long id = operators.create(created, "$2a$10$notarealhash", "新人", Operators.Role.SUPERVISOR, "chief");

        assertThat(audit.recent(500))
                .filteredOn(e -> username.equals(e.targetId()))
                .extracting(AuditLog.Entry::actor, AuditLog.Entry::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chief", "operator.enabled"),
                        org.assertj.core.groups.Tuple.tuple("chief", "operator.disabled"),
                        org.assertj.core.groups.Tuple.tuple("chief", "operator.unlocked"),
                        org.assertj.core.groups.Tuple.tuple("system", "operator.locked"));
        assertThat(audit.recent(500))
                .filteredOn(e -> created.equals(e.targetId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("operator.created");
                    assertThat(e.details()).containsEntry("displayName", "新人").containsEntry("role", "SUPERVISOR");
                    assertThat(((Number) e.details().get("id")).longValue()).isEqualTo(id);
                });
    }

    @Test
    void shouldRecordAuditEntriesWithTheirDetailsNewestFirst() {
        String target = Events.unique("target");
        audit.record("admin", "test.first", "thing", target, Map.of("名前", "山田 花子"));
        audit.record("admin", "test.second", "thing", target, Map.of("count", 2));

        assertThat(audit.recent(50))
                .filteredOn(e -> target.equals(e.targetId()))
                .extracting(AuditLog.Entry::action, AuditLog.Entry::details)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("test.second", Map.of("count", 2)),
                        org.assertj.core.groups.Tuple.tuple("test.first", Map.of("名前", "山田 花子")));
    }

    private String newOperator() {
        String username = Events.unique("lock").toLowerCase();
        operators.create(username, "$2a$10$notarealhash", "ロック テスト", Operators.Role.OPERATOR);
        return username;
    }

    private Operators.Summary summary(String username) {
        return operators.all().stream()
                .filter(o -> o.username().equals(username))
                .findFirst()
                .orElseThrow();
    }
}
