package com.aftercare.inquiry;

import java.util.Optional;

/**
 * The default {@link AssignmentRule}: the first matching {@link AssignmentRules} rule names the
 * team, its strategy names the member; nobody available leaves the inquiry in the team's queue.
 */
class RuleBasedAssignment implements AssignmentRule {

    private final AssignmentRules rules;
    private final RoundRobinTeam roundRobin;
    private final LeastLoadedMember leastLoaded;

    RuleBasedAssignment(AssignmentRules rules, RoundRobinTeam roundRobin, LeastLoadedMember leastLoaded) {
        this.rules = rules;
        this.roundRobin = roundRobin;
        this.leastLoaded = leastLoaded;
    }

    @Override
    public Optional<Choice> choose(InquiryView inquiry) {
        return rules.route(inquiry)
                .map(route -> new Choice(
                        route.teamCode(),
                        (route.strategy() == AssignmentStrategy.ROUND_ROBIN
                                        ? roundRobin.next(route.teamId())
                                        : leastLoaded.among(route.teamId()))
                                .orElse(null)));
    }
}
