package com.aftercare.inquiry;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Macros (マクロ): several steps an operator applies to an inquiry at once, e.g. "返品受付":
 * answer with the returns canned response, tag "返品", hand it to the returns team and wait on the
 * customer. Applying one is one transaction, done as the operator (the inquiry's trail names them,
 * the audit log records the macro), so a step the workflow refuses leaves nothing half-done.
 * Supervisors keep the macros; every change is audited.
 */
@Service
public class Macros {

    public static final int MAX_NAME = 100;

    /** The statuses a macro may move an inquiry to. */
    public enum StatusStep {
        WAITING_ON_CUSTOMER,
        RESOLVED
    }

    /** A macro as a supervisor writes it; every part is optional, at least one is set. */
    public record Draft(
            String name,
            Long cannedResponse,
            StatusStep setStatus,
            Priority setPriority,
            String tag,
            boolean assignToMe,
            String team) {}

    public record MacroView(
            long id,
            String name,
            Long cannedResponse,
            String cannedTitle,
            StatusStep setStatus,
            Priority setPriority,
            String tag,
            boolean assignToMe,
            String team,
            String updatedBy,
            Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final InquiryStore store;
    private final InquiryWork work;
    private final InquiryTags tags;
    private final CannedResponses canned;
    private final Teams teams;
    private final Operators operators;
    private final SlaPolicy sla;
    private final AuditLog audit;
    private final Clock clock;

    Macros(
            JdbcClient jdbc,
            InquiryStore store,
            InquiryWork work,
            InquiryTags tags,
            CannedResponses canned,
            Teams teams,
            Operators operators,
            SlaPolicy sla,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.work = work;
        this.tags = tags;
        this.canned = canned;
        this.teams = teams;
        this.operators = operators;
        this.sla = sla;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MacroView> all() {
        return jdbc.sql(SELECT + " order by m.name, m.id").query(Macros::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<MacroView> find(long id) {
        return jdbc.sql(SELECT + " where m.id = :id")
                .param("id", id)
                .query(Macros::row)
                .optional();
    }

    /**
     * @throws InvalidValue naming the field that is wrong (a name, a known canned response and
     *     team, at least one step, not both "to me" and a team)
     * @throws AlreadyExists naming {@code name} when another macro has that name
     */
    @Transactional
    public long create(Draft draft, String by) {
        Draft d = check(draft);
        Instant now = clock.instant();
        try {
            long id = jdbc.sql("""
                            insert into inquiry_macro (name, canned_response_id, set_status, set_priority, add_tag,
                                   assign_to_me, to_team, created_by, updated_by, created_at, updated_at)
                            values (:name, :canned, :status, :priority, :tag, :me, :team, :by, :by, :now, :now)
                            returning id
                            """)
                    .params(params(d))
                    .param("by", by)
                    .param("now", Timestamp.from(now))
                    .query(Long.class)
                    .single();
            audit.record(by, "macro.created", "inquiry_macro", String.valueOf(id), Map.of("name", d.name()));
            return id;
        } catch (DuplicateKeyException e) {
            throw AlreadyExists.macro(d.name());
        }
    }

    @Transactional
    public void update(long id, Draft draft, String by) {
        Draft d = check(draft);
        int updated;
        try {
            updated = jdbc.sql("""
                            update inquiry_macro set name = :name, canned_response_id = :canned, set_status = :status,
                                   set_priority = :priority, add_tag = :tag, assign_to_me = :me, to_team = :team,
                                   updated_by = :by, updated_at = :now
                             where id = :id
                            """)
                    .params(params(d))
                    .param("by", by)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw AlreadyExists.macro(d.name());
        }
        if (updated == 0) {
            throw NotFound.macro(id);
        }
        audit.record(by, "macro.updated", "inquiry_macro", String.valueOf(id), Map.of("name", d.name()));
    }

    @Transactional
    public void delete(long id, String by) {
        if (jdbc.sql("delete from inquiry_macro where id = :id").param("id", id).update() == 0) {
            throw NotFound.macro(id);
        }
        audit.record(by, "macro.deleted", "inquiry_macro", String.valueOf(id), Map.of());
    }

    /**
     * Applies the macro to the inquiry as {@code operator}, all steps or none: the canned response
     * filled in and sent as the operator's reply (refused when the inquiry lacks a value it names,
     * so a customer never gets a placeholder), the priority, the assignment, the tag, the status.
     *
     * @return what was done, step by step, as the audit log records it
     * @throws InvalidValue naming {@code macro} when the canned response needs a value the inquiry lacks
     * @throws InquiryWorkflowViolation when the inquiry's status does not allow a step
     */
    @Transactional
    public List<String> apply(String reference, long macroId, String operator) {
        MacroView macro = find(macroId).orElseThrow(() -> NotFound.macro(macroId));
        Operators.Account me = operators
                .find(operator == null ? "" : operator)
                .filter(Operators.Account::enabled)
                .orElseThrow(() -> new InvalidValue("operator", "is not an enabled operator"));
        String reply = macro.cannedResponse() == null
                ? null
                : canned.renderFor(macro.cannedResponse(), reference, missing -> {
                    throw new InvalidValue("macro", "the canned response needs {{" + missing.key() + "}}");
                });
        Inquiry inquiry = store.lock(null, reference);
        Instant now = clock.instant();
        List<String> done = new ArrayList<>();
        if (reply != null) {
            work.replyAs(inquiry, me.username(), reply, false);
            done.add("reply");
        }
        if (macro.setPriority() != null) {
            inquiry.changePriority(macro.setPriority(), sla, me.username(), now);
            done.add("priority");
        }
        if (macro.assignToMe()) {
            inquiry.assign(me.id(), me.username(), me.username(), now);
            done.add("assign");
        } else if (macro.team() != null) {
            if (!teams.exists(macro.team())) {
                throw new InvalidValue("macro", "its team no longer exists");
            }
            inquiry.reassignToTeam(macro.team(), me.username(), now);
            done.add("team");
        }
        if (macro.tag() != null) {
            tags.add(inquiry.id().value(), macro.tag(), me.username(), now);
            done.add("tag");
        }
        if (macro.setStatus() == StatusStep.WAITING_ON_CUSTOMER) {
            work.waitAs(inquiry, me.username());
            done.add("wait");
        } else if (macro.setStatus() == StatusStep.RESOLVED) {
            work.resolveAs(inquiry, me.username());
            done.add("resolve");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", reference);
        details.put("macro", macro.name());
        details.put("steps", done);
        audit.record(me.username(), "macro.applied", "inquiry", reference, details);
        return done;
    }

    private Draft check(Draft d) {
        String name = InquiryText.line("name", d.name(), MAX_NAME, true);
        if (d.cannedResponse() != null && canned.find(d.cannedResponse()).isEmpty()) {
            throw new InvalidValue("cannedResponse", "is not a canned response");
        }
        String tag = InquiryTags.check("tag", d.tag());
        String team = d.team() == null || d.team().isBlank() ? null : d.team().strip();
        if (team != null && !teams.exists(team)) {
            throw new InvalidValue("team", "is not a team");
        }
        if (team != null && d.assignToMe()) {
            throw new InvalidValue("team", "either to the operator or to a team");
        }
        if (d.cannedResponse() == null
                && d.setStatus() == null
                && d.setPriority() == null
                && tag == null
                && !d.assignToMe()
                && team == null) {
            throw new InvalidValue("actions", "choose at least one step");
        }
        return new Draft(name, d.cannedResponse(), d.setStatus(), d.setPriority(), tag, d.assignToMe(), team);
    }

    private static Map<String, Object> params(Draft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name());
        p.put("canned", d.cannedResponse());
        p.put("status", d.setStatus() == null ? null : d.setStatus().name());
        p.put("priority", d.setPriority() == null ? null : d.setPriority().name());
        p.put("tag", d.tag());
        p.put("me", d.assignToMe());
        p.put("team", d.team());
        return p;
    }

    private static MacroView row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("set_status");
        String priority = rs.getString("set_priority");
        return new MacroView(
                rs.getLong("id"),
                rs.getString("name"),
                (Long) rs.getObject("canned_response_id"),
                rs.getString("canned_title"),
                status == null ? null : StatusStep.valueOf(status),
                priority == null ? null : Priority.valueOf(priority),
                rs.getString("add_tag"),
                rs.getBoolean("assign_to_me"),
                rs.getString("to_team"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static final String SELECT = """
            select m.*, c.title as canned_title from inquiry_macro m
              left join canned_response c on c.id = m.canned_response_id""";
}
