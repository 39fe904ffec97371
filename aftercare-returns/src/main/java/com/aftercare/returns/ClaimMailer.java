package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.MailSample;
import com.aftercare.domain.mail.MailTemplateDeclaration;
import com.aftercare.domain.mail.MailTemplateUse;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.RefundAmounts;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Asks for the customer's mail of a claim's current status ({@link ClaimMail}) in the caller's
 * transaction, and declares those mails to the catalogue: one template per status, with a sample
 * claim on the sample order for previews.
 */
@Component
class ClaimMailer implements MailTemplateUse {

    private final Customers customers;
    private final Mails mails;
    private final ShopProperties shop;
    private final Clock clock;
    private final List<ClaimMailAdditions> additions;

    ClaimMailer(
            Customers customers, Mails mails, ShopProperties shop, Clock clock, List<ClaimMailAdditions> additions) {
        this.customers = customers;
        this.mails = mails;
        this.shop = shop;
        this.clock = clock;
        this.additions = List.copyOf(additions);
    }

    void mail(Claim claim, OrderView order) {
        CustomerView customer = customers
                .find(claim.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + claim.customer() + " vanished"));
        if (!customer.hasEmail()) {
            // a customer reached only by phone or LINE (#12 §2): the claim page says no mail goes out
            return;
        }
        ClaimView view = ClaimView.of(claim, order.number());
        String language = mails.languageFor(customer.id());
        Map<String, Object> variables =
                new HashMap<>(ClaimMail.variables(ClaimMail.Facts.of(view), context(customer.name(), order), language));
        additions.forEach(a -> variables.putAll(a.variables(view, language)));
        mails.send(MailRequest.transactional(
                ClaimMail.dedupKey(view.rma(), view.status()),
                ClaimMail.template(view.status()),
                customer.id(),
                order.id(),
                order.storefront(),
                customer.email().value(),
                variables,
                clock.instant()));
    }

    @Override
    public List<MailTemplateDeclaration> declarations() {
        return Arrays.stream(ClaimStatus.values())
                .map(status -> new MailTemplateDeclaration(
                        ClaimMail.template(status),
                        "mail.group.claims",
                        MailKind.TRANSACTIONAL,
                        new TemplateVariables(preview(MailSample.of(false, "ja"), status)),
                        sample -> preview(sample, status)))
                .toList();
    }

    private ClaimMail.Context context(String customerName, OrderView order) {
        // the portal's lookup page: the customer finds the claim under their order there
        return new ClaimMail.Context(
                customerName, order.number(), order.isDiscreet(), shop.name(), shop.publicUrl() + "/portal");
    }

    /** A return of the sample order's first line, refunded with fees, at the given status. */
    private Map<String, Object> preview(MailSample sample, ClaimStatus status) {
        OrderView.Line line = sample.order().lines().get(0);
        ClaimMail.Facts claim = new ClaimMail.Facts(
                "RMA-2026-000123",
                RequestType.RETURN,
                status,
                List.of(new ClaimView.Line(
                        line.lineNo(),
                        line.sku(),
                        line.name(),
                        line.category(),
                        line.quantity(),
                        line.unitPrice().minor(),
                        line.amount().minor(),
                        null)),
                true,
                8_800L,
                "ご使用済みの商品のため",
                Payer.SHOP,
                "ABCD-EFGH-JKLM",
                RefundRoute.TO_PAYMENT,
                new RefundAmounts(1800, 180, 0, 1620),
                "",
                "4000-1111-2222");
        Map<String, Object> variables = new HashMap<>(
                ClaimMail.variables(claim, context(sample.customer().name(), sample.order()), sample.language()));
        additions.forEach(a -> variables.putAll(a.sample(status, sample.language())));
        return variables;
    }
}
