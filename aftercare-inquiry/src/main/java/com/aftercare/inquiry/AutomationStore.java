package com.aftercare.inquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code inquiry_automation}, with how often each rule fired (counted from its firing
 * records, so firings on many inquiries at once never queue on the rule's row). Runs in the
 * caller's transaction.
 */
@Component
class AutomationStore {

    private static final String SELECT = """
            select a.*, s.name as storefront_name,
                   (select count(*) from inquiry_automation_firing f where f.automation_id = a.id) as fired,
                   (select max(f.fired_at) from inquiry_automation_firing f where f.automation_id = a.id) as last_fired_at
              from inquiry_automation a left join storefront_view s on s.id = a.storefront_id
            """;

    private final JdbcClient jdbc;

    AutomationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Automations.AutomationView> all() {
        return jdbc.sql(SELECT + " order by a.id").query(AutomationStore::row).list();
    }

    Optional<Automations.AutomationView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(AutomationStore::row)
                .optional();
    }

    /** The enabled rules of one trigger. */
    List<Automations.AutomationView> enabled(AutomationTrigger trigger) {
        return jdbc.sql(SELECT + " where a.enabled and a.trigger = :t order by a.id")
                .param("t", trigger.name())
                .query(AutomationStore::row)
                .list();
    }

    long insert(Automations.Draft d, String by, Instant at) {
        return jdbc.sql("""
                        insert into inquiry_automation (name, enabled, trigger, status, channel, category, priority,
                               storefront_id, words, min_customer_value, time_since, time_amount, time_unit,
                               set_priority, set_status, flag_reason, add_tag, to_team, customer_mail,
                               notify_supervisors, created_by, updated_by, created_at, updated_at)
                        values (:name, :enabled, :trigger, :status, :channel, :category, :priority,
                               :storefront, :words, :minValue, :since, :amount, :unit,
                               :setPriority, :setStatus, :flagReason, :tag, :team, :customerMail,
                               :notify, :by, :by, :at, :at)
                        returning id
                        """)
                .params(params(d))
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    boolean update(long id, Automations.Draft d, String by, Instant at) {
        return jdbc.sql("""
                                update inquiry_automation
                                   set name = :name, enabled = :enabled, trigger = :trigger, status = :status,
                                       channel = :channel, category = :category, priority = :priority,
                                       storefront_id = :storefront, words = :words, min_customer_value = :minValue,
                                       time_since = :since, time_amount = :amount, time_unit = :unit,
                                       set_priority = :setPriority, set_status = :setStatus, flag_reason = :flagReason,
                                       add_tag = :tag, to_team = :team, customer_mail = :customerMail,
                                       notify_supervisors = :notify, updated_by = :by, updated_at = :at
                                 where id = :id
                                """)
                        .params(params(d))
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean enable(long id, boolean enabled, String by, Instant at) {
        return jdbc.sql("update inquiry_automation set enabled = :e, updated_by = :by, updated_at = :at where id = :id")
                        .param("e", enabled)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from inquiry_automation where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Records that a rule fired for an inquiry on an occasion, in the caller's transaction. False
     * when it had fired on that occasion before (then it must not act again). A second instance
     * trying the same firing waits on the key until the first commits, then gets false.
     */
    boolean recordFiring(long automation, long inquiry, String occasion, Instant at) {
        return jdbc.sql("""
                                insert into inquiry_automation_firing (automation_id, inquiry_id, occasion, fired_at)
                                values (:a, :i, :o, :at) on conflict do nothing
                                """)
                        .param("a", automation)
                        .param("i", inquiry)
                        .param("o", occasion)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    private static Map<String, Object> params(Automations.Draft d) {
        AutomationConditions c = d.conditions();
        AutomationActions a = d.actions();
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name());
        p.put("enabled", d.enabled());
        p.put("trigger", d.trigger().name());
        p.put("status", name(c.status()));
        p.put("channel", name(c.channel()));
        p.put("category", name(c.category()));
        p.put("priority", name(c.priority()));
        p.put("storefront", c.storefront());
        p.put("words", c.words());
        p.put("minValue", c.minCustomerValue());
        p.put("since", c.time() == null ? null : c.time().since().name());
        p.put("amount", c.time() == null ? null : c.time().amount());
        p.put("unit", c.time() == null ? null : c.time().unit().name());
        p.put("setPriority", name(a.setPriority()));
        p.put("setStatus", name(a.setStatus()));
        p.put("flagReason", a.flagReason());
        p.put("tag", a.tag());
        p.put("team", a.team());
        p.put("customerMail", name(a.customerMail()));
        p.put("notify", a.notifySupervisors());
        return p;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E value(ResultSet rs, String column, Function<String, E> parse)
            throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : parse.apply(text);
    }

    private static Automations.AutomationView row(ResultSet rs, int n) throws SQLException {
        AutomationTime.Since since = value(rs, "time_since", AutomationTime.Since::valueOf);
        AutomationTime time = since == null
                ? null
                : new AutomationTime(
                        since, rs.getInt("time_amount"), AutomationTime.Unit.valueOf(rs.getString("time_unit")));
        Timestamp last = rs.getTimestamp("last_fired_at");
        return new Automations.AutomationView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                AutomationTrigger.valueOf(rs.getString("trigger")),
                new AutomationConditions(
                        value(rs, "status", InquiryStatus::valueOf),
                        value(rs, "channel", Channel::valueOf),
                        value(rs, "category", Category::valueOf),
                        value(rs, "priority", Priority::valueOf),
                        (Long) rs.getObject("storefront_id"),
                        rs.getString("words"),
                        (Long) rs.getObject("min_customer_value"),
                        time),
                new AutomationActions(
                        value(rs, "set_priority", Priority::valueOf),
                        value(rs, "set_status", AutomationActions.StatusStep::valueOf),
                        rs.getString("flag_reason"),
                        rs.getString("add_tag"),
                        rs.getString("to_team"),
                        value(rs, "customer_mail", AutomationActions.CustomerNotice::valueOf),
                        rs.getBoolean("notify_supervisors")),
                rs.getString("storefront_name"),
                rs.getLong("fired"),
                last == null ? null : last.toInstant(),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
