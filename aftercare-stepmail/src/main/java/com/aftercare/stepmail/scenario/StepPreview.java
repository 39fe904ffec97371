package com.aftercare.stepmail.scenario;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailOutbox;
import com.aftercare.domain.mail.OutgoingMail;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.stepmail.scenario.ScenarioEditor.Rejected;
import com.aftercare.stepmail.templates.MailTemplates;
import com.aftercare.stepmail.templates.OrderMailVariables;
import com.aftercare.stepmail.templates.TemplateValidator.Problem;
import com.aftercare.stepmail.templates.TemplateVariables;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A step's mail rendered with a real order, as the customer would get it, and the same mail sent
 * to the operator's own address as a test. A test goes through the outbox like every mail, but as
 * a transactional mail for no customer and no order under a {@code test:} key: it never counts
 * in a step's figures or anyone's frequency cap, and its opt-out link is a dummy that opts nobody
 * out.
 */
@Service
public class StepPreview {

    /** The header that marks a test send in the mailbox and in the delivery log. */
    public static final String TEST_HEADER = "X-Aftercare-Test";

    private static final String SUBJECT_PREFIX = "[TEST] ";

    public record Preview(String orderNumber, boolean discreet, String language, MailTemplates.Rendered mail) {}

    private final ScenarioEditor editor;
    private final JdbcClient jdbc;
    private final Orders orders;
    private final Customers customers;
    private final OrderMailVariables variables;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final Operators operators;
    private final ShopProperties shop;
    private final AuditLog audit;
    private final Clock clock;

    StepPreview(
            ScenarioEditor editor,
            JdbcClient jdbc,
            Orders orders,
            Customers customers,
            OrderMailVariables variables,
            MailTemplates templates,
            MailOutbox outbox,
            Operators operators,
            ShopProperties shop,
            AuditLog audit,
            Clock clock) {
        this.editor = editor;
        this.jdbc = jdbc;
        this.orders = orders;
        this.customers = customers;
        this.variables = variables;
        this.templates = templates;
        this.outbox = outbox;
        this.operators = operators;
        this.shop = shop;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Preview preview(long scenarioId, long stepId, String orderNumber, String language) {
        ScenarioEditor.Scenario scenario = editor.find(scenarioId);
        ScenarioEditor.Step step = scenario.step(stepId);
        if (!MailTemplates.LANGUAGES.contains(language)) {
            throw new Rejected(List.of(new Problem("language", "choose one of " + MailTemplates.LANGUAGES)));
        }
        OrderView order = order(scenario, orderNumber);
        CustomerView customer = customers
                .find(order.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + order.customer() + " vanished"));
        String unsubscribe =
                "PROMOTIONAL".equals(step.kind()) ? shop.publicUrl() + "/portal/unsubscribe?token=preview" : null;
        Map<String, Object> values =
                variables.forMail(customer, TemplateVariables.hasOrder(scenario.trigger()) ? order : null, unsubscribe);
        // a working link to a real customer's order page must not end up in an operator's test mail
        values.computeIfPresent("portalUrl", (name, url) -> shop.publicUrl() + "/portal/order?token=preview");
        // a resolution trigger previews with the sample RMA or reference: the order is real, the claim need not be
        Map<String, Object> samples =
                TemplateVariables.forTrigger(scenario.trigger(), false).samples();
        variables.addResolution(values, (String) samples.get("claimRma"), (String) samples.get("inquiryReference"));
        try {
            return new Preview(
                    order.number(), order.isDiscreet(), language, templates.render(step.template(), language, values));
        } catch (MailTemplates.RenderFailed e) {
            throw new Rejected(List.of(new Problem("template", e.getMessage())));
        }
    }

    /** Sends the preview to the operator's own test address; refused when they have none. */
    @Transactional
    public String testSend(long scenarioId, long stepId, String orderNumber, String language, String operator) {
        String to = operators
                .testMailAddress(operator)
                .orElseThrow(() ->
                        new Rejected(List.of(new Problem("testAddress", "set your address for test mails first"))));
        Preview preview = preview(scenarioId, stepId, orderNumber, language);
        MailTemplates.Rendered mail = preview.mail();
        outbox.enqueue(new OutgoingMail(
                "test:" + UUID.randomUUID(),
                MailKind.TRANSACTIONAL,
                "test:" + editor.find(scenarioId).step(stepId).template(),
                null,
                null,
                to,
                SUBJECT_PREFIX + mail.subject(),
                mail.text(),
                mail.html(),
                Map.of(TEST_HEADER, "step " + stepId + ", order " + preview.orderNumber()),
                clock.instant()));
        audit.record(
                operator, "scenario.step.test-sent", "scenario", Long.toString(scenarioId), Map.of("step", stepId));
        return to;
    }

    /** The order with that number; at two storefronts, the scenario's storefront decides. */
    private OrderView order(ScenarioEditor.Scenario scenario, String orderNumber) {
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new Rejected(List.of(new Problem("orderNumber", "enter an order number")));
        }
        List<Long> ids = jdbc.sql("""
                        select id from customer_order
                         where order_number = :number and (cast(:storefront as bigint) is null or storefront_id = :storefront)
                         limit 2
                        """)
                .param("number", orderNumber.strip())
                .param("storefront", scenario.audience().storefrontId())
                .query(Long.class)
                .list();
        if (ids.size() != 1) {
            throw new Rejected(List.of(new Problem(
                    "orderNumber",
                    ids.isEmpty() ? "no order with this number" : "this number exists at several storefronts")));
        }
        return orders.find(new OrderId(ids.get(0))).orElseThrow();
    }
}
