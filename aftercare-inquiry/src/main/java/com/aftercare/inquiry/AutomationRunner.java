package com.aftercare.inquiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the automations. Each firing is one transaction: the inquiry is locked, the conditions
 * are asked again of what it is now, the firing is recorded (its key is the rule, the inquiry and
 * the occasion: another instance trying the same waits on the key, then finds it taken) and the
 * actions are applied, or nothing is. A rule that fails is logged and the others go on: a broken
 * rule must not hold up the desk.
 */
@Component
class AutomationRunner {

    private static final Logger log = LoggerFactory.getLogger(AutomationRunner.class);
    private static final int PAGE = 500;
    private static final Set<InquiryStatus> ACTIVE =
            EnumSet.of(InquiryStatus.NEW, InquiryStatus.OPEN, InquiryStatus.WAITING_ON_CUSTOMER);

    private final AutomationStore rules;
    private final InquiryRepository inquiries;
    private final InquiryWork work;
    private final InquiryTags tags;
    private final DeskMails mails;
    private final Teams teams;
    private final SlaPolicy sla;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    AutomationRunner(
            AutomationStore rules,
            InquiryRepository inquiries,
            InquiryWork work,
            InquiryTags tags,
            DeskMails mails,
            Teams teams,
            SlaPolicy sla,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.rules = rules;
        this.inquiries = inquiries;
        this.work = work;
        this.tags = tags;
        this.mails = mails;
        this.teams = teams;
        this.sla = sla;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * An inquiry event: every enabled rule of {@code trigger} is tried once for the inquiry.
     *
     * @param occasion what makes this event one of its own ({@code created}, the reply's time…)
     * @return how many rules fired
     */
    int onEvent(AutomationTrigger trigger, long inquiryId, String occasion, Instant now) {
        return onEvent(trigger, inquiryId, occasion, null, now);
    }

    /**
     * @param changedTo for a status change, the status it changed to: the rules run only while the
     *     inquiry still has it. They run after the change committed, on their own thread, so a later
     *     change may have come first: seen through the inquiry's state now, an earlier change to
     *     OPEN would fire a rule on WAITING_ON_CUSTOMER meant for the later one, a second time.
     */
    int onEvent(AutomationTrigger trigger, long inquiryId, String occasion, InquiryStatus changedTo, Instant now) {
        int fired = 0;
        for (Automations.AutomationView rule : rules.enabled(trigger)) {
            if (fire(rule, inquiryId, occasion, changedTo, now)) {
                fired++;
            }
        }
        return fired;
    }

    /** Every enabled time rule over the inquiries whose time may have come. */
    int runTimeRules(Instant now) {
        int fired = 0;
        for (Automations.AutomationView rule : rules.enabled(AutomationTrigger.TIME)) {
            long after = 0;
            List<Long> page;
            do {
                page = candidates(rule, now, after);
                for (long id : page) {
                    if (fire(rule, id, null, null, now)) {
                        fired++;
                    }
                }
                after = page.isEmpty() ? after : page.get(page.size() - 1);
            } while (page.size() == PAGE);
        }
        return fired;
    }

    /**
     * The inquiries a time rule may fire for, a page at a time by id: those in its status (the
     * active ones when it names none) and fields, whose time could have come (business time never
     * runs faster than the clock), and that it has not fired for on this occasion yet.
     */
    private List<Long> candidates(Automations.AutomationView rule, Instant now, long after) {
        AutomationConditions c = rule.conditions();
        AutomationTime time = c.time();
        String anchor = switch (time.since()) {
            case CREATED -> "i.created_at";
            case UPDATED -> "i.updated_at";
            case WAITING -> "i.waiting_since";
            case FIRST_RESPONSE_DUE -> "case when i.first_responded_at is null then i.first_response_due_at end";
            case RESOLUTION_DUE -> "case when i.waiting_since is null then i.resolution_due_at end";
        };
        Instant earliest = time.earliestAnchor(now, sla.businessDay());
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add("i.id > :after");
        where.add("i.status in (:statuses)");
        where.add(anchor + " is not null");
        if (earliest != null) {
            where.add(anchor + " <= :earliest");
            params.put("earliest", Timestamp.from(earliest));
        }
        optional(where, params, "i.channel", "channel", c.channel());
        optional(where, params, "i.category", "category", c.category());
        optional(where, params, "i.priority", "priority", c.priority());
        if (c.storefront() != null) {
            where.add("i.storefront_id = :storefront");
            params.put("storefront", c.storefront());
        }
        where.add("""
                not exists (select 1 from inquiry_automation_firing f
                             where f.automation_id = :rule and f.inquiry_id = i.id
                               and f.occasion = 'time:%s:' || floor(extract(epoch from %s))::bigint)""".formatted(time.since().name(), anchor));
        params.put("after", after);
        params.put("rule", rule.id());
        params.put(
                "statuses",
                (c.status() == null ? ACTIVE : Set.of(c.status()))
                        .stream().map(Enum::name).collect(Collectors.toList()));
        params.put("limit", PAGE);
        return jdbc.sql("select i.id from inquiry i where " + String.join(" and ", where)
                        + " order by i.id limit :limit")
                .params(params)
                .query(Long.class)
                .list();
    }

    private static void optional(
            List<String> where, Map<String, Object> params, String column, String name, Enum<?> value) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value.name());
        }
    }

    /** One rule for one inquiry, in a transaction of its own; {@code eventOccasion} null for a time rule. */
    private boolean fire(
            Automations.AutomationView rule,
            long inquiryId,
            String eventOccasion,
            InquiryStatus changedTo,
            Instant now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(tx -> {
                Inquiry inquiry = inquiries.lockById(inquiryId).orElse(null);
                if (inquiry == null || (changedTo != null && inquiry.status() != changedTo)) {
                    return false;
                }
                InquiryFacts facts = facts(inquiry);
                if (!rule.conditions().matches(facts, now, sla)) {
                    return false;
                }
                String occasion =
                        eventOccasion == null ? rule.conditions().time().occasion(facts) : eventOccasion;
                if (!rules.recordFiring(rule.id(), inquiryId, occasion, now)) {
                    return false;
                }
                apply(rule, inquiry, "automation:" + rule.id() + ":" + inquiryId + ":" + occasion, now);
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("Automation {} ({}) failed on inquiry {}: {}", rule.id(), rule.name(), inquiryId, e.toString());
            return false;
        }
    }

    /**
     * The actions, each only where the workflow allows it now (a resolved inquiry keeps its
     * priority), the status step last so a closing mail leaves before the inquiry closes.
     */
    private void apply(Automations.AutomationView rule, Inquiry inquiry, String key, Instant now) {
        AutomationActions a = rule.actions();
        String by = "automation:" + rule.name();
        boolean active = ACTIVE.contains(inquiry.status());
        if (a.setPriority() != null && active) {
            inquiry.changePriority(a.setPriority(), sla, by, now);
        }
        if (a.team() != null && active && teams.exists(a.team())) {
            inquiry.reassignToTeam(a.team(), by, now);
        }
        if (a.tag() != null) {
            tags.add(inquiry.id().value(), a.tag(), by, now);
        }
        if (a.flagReason() != null && !inquiry.flagged()) {
            inquiry.flag(a.flagReason(), by, now);
        }
        if (a.customerMail() != null) {
            mails.toCustomer(inquiry, a.customerMail(), key, now);
        }
        if (a.notifySupervisors()) {
            mails.alertSupervisors(inquiry, rule.name(), key, now);
        }
        if (a.setStatus() != null && active) {
            work.resolveAs(inquiry, by);
        }
        if (a.setStatus() == AutomationActions.StatusStep.CLOSE && inquiry.status() == InquiryStatus.RESOLVED) {
            work.closeAs(inquiry, by);
        }
    }

    private InquiryFacts facts(Inquiry inquiry) {
        StringBuilder text = new StringBuilder(inquiry.subject());
        inquiry.messages().stream()
                .filter(m -> m.direction() == InquiryMessage.Direction.INBOUND)
                .forEach(m -> text.append('\n').append(m.body()));
        long value = jdbc.sql("""
                        select coalesce(sum(total_minor), 0) from order_view
                         where customer_id = :c and status <> 'CANCELLED' and currency = 'JPY'
                        """)
                .param("c", inquiry.customer().value())
                .query(Long.class)
                .single();
        SlaClock clock = inquiry.sla();
        return new InquiryFacts(
                inquiry.id().value(),
                inquiry.reference(),
                inquiry.status(),
                inquiry.channel(),
                inquiry.category(),
                inquiry.priority(),
                inquiry.storefront() == null ? null : inquiry.storefront().value(),
                text.toString(),
                value,
                inquiry.createdAt(),
                inquiry.updatedAt(),
                clock.waitingSince(),
                clock.firstResponseDueAt(),
                clock.firstRespondedAt(),
                clock.resolutionDueAt());
    }
}
