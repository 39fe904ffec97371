package com.aftercare.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/**
 * Who has an {@link Inquiry} (part of its row): the team whose queue it is in and the operator
 * working it, either or both empty. Each change answers what the inquiry's trail says about it
 * ("to sato (team returns)"), or nothing when it changed nothing.
 */
@Embeddable
class Assignment {

    @Column(name = "assignee_operator_id")
    private Long operatorId;

    @Column(name = "team")
    private String team;

    /** To one operator (a supervisor assigning, or someone taking it); the team stays. */
    Optional<String> toOperator(long operatorId, String operatorName) {
        if (this.operatorId != null && this.operatorId == operatorId) {
            return Optional.empty();
        }
        this.operatorId = operatorId;
        return Optional.of("to " + operatorName);
    }

    /** Where the assignment rules sent it: a team's queue and, when someone there was available, them. */
    String byRule(String team, Long operatorId, String operatorName) {
        this.team = team;
        this.operatorId = operatorId;
        return "to "
                + (operatorName == null ? "team " + team : operatorName + (team == null ? "" : " (team " + team + ")"));
    }

    /** Into a team's queue, unassigned. */
    Optional<String> toTeam(String team) {
        if (team.equals(this.team) && operatorId == null) {
            return Optional.empty();
        }
        this.team = team;
        operatorId = null;
        return Optional.of("to team " + team);
    }

    Long operatorId() {
        return operatorId;
    }

    String team() {
        return team;
    }
}
