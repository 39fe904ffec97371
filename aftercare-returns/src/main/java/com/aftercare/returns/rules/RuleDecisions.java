package com.aftercare.returns.rules;

import com.aftercare.domain.claim.ClaimId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an automatic rule did to a claim when it was opened, for the claim's page. */
@Service
public class RuleDecisions {

    /** @param ruleId null when the rule was removed since */
    public record Decision(Long ruleId, String ruleName, RuleAction action, Instant at) {}

    private final JdbcClient jdbc;

    RuleDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Decision> of(ClaimId claim) {
        return jdbc.sql("select rule_id, rule_name, action, decided_at from claim_rule_decision where claim_id = :c")
                .param("c", claim.value())
                .query((rs, i) -> new Decision(
                        rs.getObject(1, Long.class),
                        rs.getString(2),
                        RuleAction.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }
}
