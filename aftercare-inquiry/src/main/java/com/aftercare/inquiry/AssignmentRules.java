package com.aftercare.inquiry;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ordered rules that send a new inquiry to a team (対応フロー). Each rule names conditions
 * (channel, category, storefront; an empty one matches anything), a team and a strategy; rules
 * are tried by position (then age) and the first match wins. No match: the inquiry stays
 * unassigned in the common queue. Every change names the acting operator and is written to the
 * audit log in its own transaction.
 */
@Service
public class AssignmentRules {

    /** The largest position a rule may take; positions need not be contiguous. */
    public static final int MAX_POSITION = 9999;

    /** A rule as the console lists it; null conditions match anything. */
    public record RuleView(
            long id,
            int position,
            Channel channel,
            Category category,
            Long storefrontId,
            String storefrontName,
            String teamCode,
            String teamName,
            AssignmentStrategy strategy) {}

    /** A new rule; {@code createdBy} is the acting operator's username. */
    public record NewRule(
            Integer position,
            Channel channel,
            Category category,
            Long storefrontId,
            String team,
            AssignmentStrategy strategy,
            String createdBy) {}

    /** The first matching rule's team and how to choose within it. */
    record Route(long teamId, String teamCode, AssignmentStrategy strategy) {}

    private final JdbcClient jdbc;
    private final Teams teams;
    private final Storefronts storefronts;
    private final AuditLog audit;

    AssignmentRules(JdbcClient jdbc, Teams teams, Storefronts storefronts, AuditLog audit) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.storefronts = storefronts;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<RuleView> all() {
        return jdbc.sql("""
                        select r.id, r.position, r.channel, r.category, r.storefront_id, s.name, t.code, t.name, r.strategy
                          from assignment_rule r
                          join team t on t.id = r.team_id
                          left join storefront_view s on s.id = r.storefront_id
                         order by r.position, r.id
                        """)
                .query((rs, i) -> new RuleView(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3) == null ? null : Channel.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Category.valueOf(rs.getString(4)),
                        rs.getObject(5, Long.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        AssignmentStrategy.valueOf(rs.getString(9))))
                .list();
    }

    /**
     * Adds a rule and audits it as {@code rule.createdBy()}; each bad input is refused naming its
     * field, and nothing is written.
     */
    @Transactional
    public long add(NewRule rule) {
        if (rule.position() == null || rule.position() < 0 || rule.position() > MAX_POSITION) {
            throw new InvalidValue("position", "must be between 0 and " + MAX_POSITION);
        }
        if (rule.team() == null || rule.team().isBlank()) {
            throw new InvalidValue("team", "must not be blank");
        }
        long team;
        try {
            team = teams.require(rule.team());
        } catch (NotFound e) {
            throw new InvalidValue("team", "is not a team");
        }
        if (rule.strategy() == null) {
            throw new InvalidValue("strategy", "must not be null");
        }
        if (rule.storefrontId() != null
                && storefronts.find(new StorefrontId(rule.storefrontId())).isEmpty()) {
            throw new InvalidValue("storefront", "is not a storefront");
        }
        long id = jdbc.sql("""
                        insert into assignment_rule (position, channel, category, storefront_id, team_id, strategy, created_by)
                        values (:position, :channel, :category, :storefront, :team, :strategy, :by)
                        returning id
                        """)
                .param("position", rule.position())
                .param("channel", rule.channel() == null ? null : rule.channel().name())
                .param(
                        "category",
                        rule.category() == null ? null : rule.category().name())
                .param("storefront", rule.storefrontId())
                .param("team", team)
                .param("strategy", rule.strategy().name())
                .param("by", rule.createdBy())
                .query(Long.class)
                .single();
        audit.record(rule.createdBy(), "assignment-rule.added", "assignment-rule", String.valueOf(id), details(rule));
        return id;
    }

    /** What the audit log keeps of a new rule; {@code *} for a condition that matches anything. */
    private static Map<String, Object> details(NewRule rule) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position", rule.position());
        details.put("channel", rule.channel() == null ? "*" : rule.channel().name());
        details.put("category", rule.category() == null ? "*" : rule.category().name());
        details.put("storefront", rule.storefrontId() == null ? "*" : rule.storefrontId());
        details.put("team", rule.team());
        details.put("strategy", rule.strategy().name());
        return details;
    }

    @Transactional
    public void remove(long id, String by) {
        jdbc.sql("delete from assignment_rule where id = :id").param("id", id).update();
        audit.record(by, "assignment-rule.removed", "assignment-rule", String.valueOf(id), Map.of());
    }

    /** The first rule, by position, whose conditions all hold for the inquiry. */
    @Transactional(readOnly = true)
    Optional<Route> route(InquiryView inquiry) {
        return jdbc.sql("""
                        select t.id, t.code, r.strategy from assignment_rule r join team t on t.id = r.team_id
                         where (r.channel is null or r.channel = :channel)
                           and (r.category is null or r.category = :category)
                           and (r.storefront_id is null or r.storefront_id = :storefront)
                         order by r.position, r.id
                         limit 1
                        """)
                .param("channel", inquiry.channel().name())
                .param("category", inquiry.category().name())
                .param(
                        "storefront",
                        inquiry.storefront() == null
                                ? null
                                : inquiry.storefront().value(),
                        Types.BIGINT)
                .query((rs, i) ->
                        new Route(rs.getLong(1), rs.getString(2), AssignmentStrategy.valueOf(rs.getString(3))))
                .optional();
    }
}
