package com.aftercare.inquiry;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams of operators (対応チーム) and who is available to take new work. Assignment rules route
 * inquiries to a team; the team's available members share them. A refusal names the field
 * ({@link InvalidValue}, {@link AlreadyExists}); an unknown team or operator is {@link NotFound}.
 * Every change names the acting operator ({@code by}) and is written to the audit log with it, in
 * the change's own transaction.
 */
@Service
public class Teams {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,31}$");

    /** A member as the team page shows them. {@code available}: gets new work. */
    public record Member(String username, String displayName, boolean enabled, boolean available) {}

    public record TeamView(long id, String code, String name, List<Member> members) {}

    /** Every console user with their availability, for the availability switches. */
    public record Availability(String username, String displayName, String role, boolean available) {}

    private final JdbcClient jdbc;
    private final Operators operators;
    private final OperatorAvailability availability;
    private final AuditLog audit;

    Teams(JdbcClient jdbc, Operators operators, OperatorAvailability availability, AuditLog audit) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.availability = availability;
        this.audit = audit;
    }

    @Transactional
    public long create(String code, String name, String by) {
        String checkedCode = code == null ? "" : code.strip();
        if (!CODE.matcher(checkedCode).matches()) {
            throw new InvalidValue("code", "must be 2-32 lower-case letters, digits or hyphens");
        }
        String checkedName = InquiryText.line("name", name, 100, true);
        long id = jdbc.sql("""
                        insert into team (code, name) values (:code, :name)
                        on conflict (code) do nothing returning id
                        """)
                .param("code", checkedCode)
                .param("name", checkedName)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> AlreadyExists.team(checkedCode));
        audit.record(by, "team.created", "team", code, Map.of("name", name));
        return id;
    }

    @Transactional(readOnly = true)
    public List<TeamView> all() {
        record Row(long id, String code, String name, Member member) {}
        List<Row> rows = jdbc.sql("""
                        select t.id, t.code, t.name, o.username, o.display_name, o.enabled, %s
                          from team t
                          left join team_member m on m.team_id = t.id
                          left join %s on o.id = m.operator_id
                         order by t.code, o.username
                        """.formatted(OperatorAvailability.AVAILABLE, OperatorAvailability.OPERATORS))
                .query((rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4) == null
                                ? null
                                : new Member(rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7))))
                .list();
        Map<Long, TeamView> teams = new LinkedHashMap<>();
        for (Row row : rows) {
            TeamView team =
                    teams.computeIfAbsent(row.id(), id -> new TeamView(id, row.code(), row.name(), new ArrayList<>()));
            if (row.member() != null) {
                team.members().add(row.member());
            }
        }
        return teams.values().stream()
                .map(t -> new TeamView(t.id(), t.code(), t.name(), List.copyOf(t.members())))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return code != null && idOf(code) != null;
    }

    @Transactional
    public void addMember(String code, String username, String by) {
        long team = require(code);
        long operator = operatorId(username);
        jdbc.sql("insert into team_member (team_id, operator_id) values (:t, :o) on conflict do nothing")
                .param("t", team)
                .param("o", operator)
                .update();
        audit.record(by, "team.member.added", "team", code, Map.of("operator", username));
    }

    @Transactional
    public void removeMember(String code, String username, String by) {
        jdbc.sql("delete from team_member where team_id = :t and operator_id = :o")
                .param("t", require(code))
                .param("o", operatorId(username))
                .update();
        audit.record(by, "team.member.removed", "team", code, Map.of("operator", username));
    }

    /** An unavailable operator keeps their work and their login but gets no new inquiries. */
    @Transactional
    public void setAvailable(String username, boolean available, String by) {
        availability.set(username, available, by);
        audit.record(by, available ? "operator.available" : "operator.unavailable", "operator", username, Map.of());
    }

    @Transactional(readOnly = true)
    public List<Availability> availability() {
        return availability.ofStaff();
    }

    long require(String code) {
        Long id = code == null ? null : idOf(code.strip());
        if (id == null) {
            throw NotFound.team(code);
        }
        return id;
    }

    private Long idOf(String code) {
        return jdbc.sql("select id from team where code = :c")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long operatorId(String username) {
        return operators.find(username).map(Operators.Account::id).orElseThrow(() -> NotFound.operator(username));
    }
}
