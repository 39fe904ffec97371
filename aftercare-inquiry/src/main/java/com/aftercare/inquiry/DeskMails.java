package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.shop.ShopProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails the desk's automations and SLA alerts send, through the one outbox in the caller's
 * transaction: a notice to the customer (a reminder while the desk waits for them, the polite note
 * when an unanswered wait is closed), and alerts to staff (the assignee, the supervisors). Staff
 * are found in {@code operator_view} with their address; supervisors are those of the inquiry's
 * team, else every supervisor, so an alert always reaches someone who can act.
 */
@Component
class DeskMails {

    static final String AUTOMATION_ALERT = "inquiry-automation-alert";
    static final String SLA_BREACHED = "inquiry-sla-breached";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Someone on the staff with an address to write to. */
    record Staff(long id, String username, String displayName, String email) {}

    private final Mails mails;
    private final Customers customers;
    private final ShopProperties shop;
    private final JdbcClient jdbc;

    DeskMails(Mails mails, Customers customers, ShopProperties shop, JdbcClient jdbc) {
        this.mails = mails;
        this.customers = customers;
        this.shop = shop;
        this.jdbc = jdbc;
    }

    /** A notice to the inquiry's customer, once per {@code dedupKey}. */
    void toCustomer(Inquiry inquiry, AutomationActions.CustomerNotice notice, String dedupKey, Instant now) {
        CustomerView customer = customers.find(inquiry.customer()).orElseThrow();
        if (!customer.hasEmail()) {
            // the inquiry page tells the operator this customer gets no mail (#12 §2)
            return;
        }
        mails.send(MailRequest.transactional(
                dedupKey,
                notice.template(),
                customer.id(),
                inquiry.order(),
                inquiry.storefront(),
                customer.email().value(),
                customerVariables(customer.name(), inquiry.reference(), inquiry.subject(), shop.name()),
                now));
    }

    static Map<String, Object> customerVariables(
            String customerName, String reference, String subject, String shopName) {
        return Map.of(
                "shopName", shopName,
                "customerName", customerName,
                "inquiryReference", reference,
                "referenceTag", ReplyMail.referenceTag(reference),
                "inquirySubject", subject);
    }

    /** An automation's alert to the supervisors; returns how many were written to. */
    int alertSupervisors(Inquiry inquiry, String ruleName, String dedupKey, Instant now) {
        List<Staff> supervisors = supervisorsOf(inquiry.team());
        for (Staff s : supervisors) {
            staffMail(
                    dedupKey + ":" + s.id(),
                    AUTOMATION_ALERT,
                    s,
                    alertVariables(s.displayName(), ruleName, inquiry.reference(), inquiry.subject(), link(inquiry)),
                    now);
        }
        return supervisors.size();
    }

    static Map<String, Object> alertVariables(
            String staffName, String ruleName, String reference, String subject, String link) {
        return Map.of(
                "staffName", staffName,
                "ruleName", ruleName,
                "inquiryReference", reference,
                "inquirySubject", subject,
                "inquiryUrl", link);
    }

    /** A breach alert to the assignee and the supervisors (each once); returns how many were written to. */
    int breached(Inquiry inquiry, boolean firstResponse, Instant dueAt, Instant now) {
        Map<Long, Staff> recipients = new java.util.LinkedHashMap<>();
        Long assignee = inquiry.assigneeOperatorId();
        if (assignee != null) {
            staff("o.id = :v", Map.of("v", assignee)).forEach(s -> recipients.put(s.id(), s));
        }
        supervisorsOf(inquiry.team()).forEach(s -> recipients.putIfAbsent(s.id(), s));
        String due = WHEN.format(dueAt.atZone(shop.zone()));
        for (Staff s : recipients.values()) {
            staffMail(
                    "sla-breach:" + inquiry.id().value() + ":" + (firstResponse ? "first" : "resolution") + ":"
                            + dueAt.getEpochSecond() + ":" + s.id(),
                    SLA_BREACHED,
                    s,
                    breachVariables(
                            s.displayName(), inquiry.reference(), inquiry.subject(), firstResponse, due, link(inquiry)),
                    now);
        }
        return recipients.size();
    }

    static Map<String, Object> breachVariables(
            String staffName, String reference, String subject, boolean firstResponse, String due, String link) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("staffName", staffName);
        variables.put("inquiryReference", reference);
        variables.put("inquirySubject", subject);
        variables.put("firstResponse", firstResponse);
        variables.put("dueAt", due);
        variables.put("inquiryUrl", link);
        return variables;
    }

    private void staffMail(String dedupKey, String template, Staff to, Map<String, Object> variables, Instant now) {
        mails.send(MailRequest.transactional(dedupKey, template, null, null, null, to.email(), variables, now));
    }

    private String link(Inquiry inquiry) {
        return shop.publicUrl() + "/console/inquiries/" + inquiry.reference();
    }

    /** Supervisors in the team (by code); none there, or no team: every supervisor. */
    List<Staff> supervisorsOf(String team) {
        List<Staff> ofTeam = team == null
                ? List.of()
                : staff(
                        "o.role = 'SUPERVISOR' and o.id in (select m.operator_id from team_member m"
                                + " join team t on t.id = m.team_id where t.code = :v)",
                        Map.of("v", team));
        return ofTeam.isEmpty() ? staff("o.role = 'SUPERVISOR'", Map.of()) : ofTeam;
    }

    private List<Staff> staff(String condition, Map<String, Object> params) {
        return jdbc.sql("select o.id, o.username, o.display_name, o.email from operator_view o where o.enabled"
                        + " and o.email is not null and " + condition + " order by o.id")
                .params(params)
                .query((rs, i) -> new Staff(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
