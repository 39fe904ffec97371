package com.aftercare.stepmail.scenario;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.stepmail.scenario.Scenarios.Scenario;
import com.aftercare.stepmail.scenario.Scenarios.Step;
import com.aftercare.stepmail.templates.StepVariables;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
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
@NamedInterface("scenarios")
public class StepPreview {

    /** The header that marks a test send in the mailbox and in the delivery log. */
    public static final String TEST_HEADER = "X-Aftercare-Test";

    private static final String SUBJECT_PREFIX = "[TEST] ";

    public record Preview(String orderNumber, boolean discreet, String language, RenderedMail mail) {}

    private final Scenarios scenarios;
    private final Orders orders;
    private final Customers customers;
    private final OrderMailVariables variables;
    private final MailTemplateCatalogue catalogue;
    private final Mails mails;
    private final Operators operators;
    private final ShopProperties shop;
    private final AuditLog audit;
    private final Clock clock;

    StepPreview(
            Scenarios scenarios,
            Orders orders,
            Customers customers,
            OrderMailVariables variables,
            MailTemplateCatalogue catalogue,
            Mails mails,
            Operators operators,
            ShopProperties shop,
            AuditLog audit,
            Clock clock) {
        this.scenarios = scenarios;
        this.orders = orders;
        this.customers = customers;
        this.variables = variables;
        this.catalogue = catalogue;
        this.mails = mails;
        this.operators = operators;
        this.shop = shop;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Preview preview(long scenarioId, long stepId, String orderNumber, String language) {
        Scenario scenario = scenarios.find(scenarioId);
        Step step = scenario.step(stepId);
        if (!MailTemplate.LANGUAGES.contains(language)) {
            throw Rejected.of("language", "choose one of " + MailTemplate.LANGUAGES);
        }
        OrderView order = order(scenario, orderNumber);
        CustomerView customer = customers
                .find(order.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + order.customer() + " vanished"));
        Map<String, Object> values = StepVariables.hasOrder(scenario.trigger())
                ? variables.of(order, customer)
                : variables.forCustomer(customer);
        // a working link to a real customer's order page must not end up in an operator's test mail
        values.computeIfPresent("portalUrl", (name, url) -> shop.publicUrl() + "/portal/order?token=preview");
        if (MailKind.PROMOTIONAL.name().equals(step.kind())) {
            // nor a working opt-out link of theirs
            values.put("unsubscribeUrl", shop.publicUrl() + "/portal/unsubscribe?token=preview");
            values.put("shopAddress", shop.address());
        }
        // a resolution trigger previews with the sample RMA or reference: the order is real, the claim need not be
        Map<String, Object> samples =
                StepVariables.forTrigger(scenario.trigger(), false).samples();
        StepVariables.addResolution(values, (String) samples.get("claimRma"), (String) samples.get("inquiryReference"));
        try {
            RenderedMail mail = catalogue.render(step.template(), language, order.storefront(), values);
            return new Preview(order.number(), order.isDiscreet(), language, mail);
        } catch (Rejected e) {
            throw Rejected.of("template", e.problems().get(0).message());
        }
    }

    /** Sends the preview to the operator's own test address; refused when they have none. */
    @Transactional
    public String testSend(long scenarioId, long stepId, String orderNumber, String language, String operator) {
        String to = operators
                .testMailAddress(operator)
                .orElseThrow(() -> Rejected.of("testAddress", "set your address for test mails first"));
        Preview preview = preview(scenarioId, stepId, orderNumber, language);
        RenderedMail mail = preview.mail();
        mails.sendRendered(
                new MailRequest(
                        "test:" + UUID.randomUUID(),
                        MailKind.TRANSACTIONAL,
                        "test:" + scenarios.find(scenarioId).step(stepId).template(),
                        null,
                        null,
                        null,
                        to,
                        Map.of(),
                        Map.of(TEST_HEADER, "step " + stepId + ", order " + preview.orderNumber()),
                        clock.instant()),
                new RenderedMail(SUBJECT_PREFIX + mail.subject(), mail.text(), mail.html()));
        audit.record(
                operator, "scenario.step.test-sent", "scenario", Long.toString(scenarioId), Map.of("step", stepId));
        return to;
    }

    /** The order with that number; at two storefronts, the scenario's storefront decides. */
    private OrderView order(Scenario scenario, String orderNumber) {
        if (orderNumber == null || orderNumber.isBlank()) {
            throw Rejected.of("orderNumber", "enter an order number");
        }
        Long storefront = scenario.audience().storefrontId();
        List<OrderView> found =
                orders.withNumber(orderNumber.strip(), storefront == null ? null : new StorefrontId(storefront), 2);
        if (found.size() != 1) {
            throw Rejected.of(
                    "orderNumber",
                    found.isEmpty() ? "no order with this number" : "this number exists at several storefronts");
        }
        return found.get(0);
    }
}
