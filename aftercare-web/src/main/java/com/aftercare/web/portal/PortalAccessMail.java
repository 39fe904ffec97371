package com.aftercare.web.portal;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.MailSample;
import com.aftercare.domain.mail.MailTemplateDeclaration;
import com.aftercare.domain.mail.MailTemplateUse;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.PortalOrderLinks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mail with the link a customer's order lookup opened (template {@value #TEMPLATE}), sent to
 * the order's own address: whoever looked the order up, only its owner gets the way back in by
 * mail. One mail per order and minute, however often the page is reloaded.
 */
@Component
class PortalAccessMail implements MailTemplateUse {

    static final String TEMPLATE = "portal-access";

    private static final long VALID_HOURS = PortalOrderLinks.LOOKUP_VALIDITY.toHours();

    private final Mails mails;
    private final OrderMailVariables variables;
    private final PortalOrderLinks links;
    private final Clock clock;

    PortalAccessMail(Mails mails, OrderMailVariables variables, PortalOrderLinks links, Clock clock) {
        this.mails = mails;
        this.variables = variables;
        this.links = links;
        this.clock = clock;
    }

    /** Asks for the mail, in a transaction of its own. */
    void send(OrderView order, CustomerView customer, String token) {
        if (!customer.hasEmail()) {
            return; // the lookup asked by phone: there is no address to send the link to
        }
        mails.send(MailRequest.transactional(
                "portal-access:" + order.id().value() + ":" + clock.instant().getEpochSecond() / 60,
                TEMPLATE,
                customer.id(),
                order.id(),
                order.storefront(),
                customer.email().value(),
                variables(order, customer, links.urlFor(token)),
                clock.instant()));
    }

    @Override
    public List<MailTemplateDeclaration> declarations() {
        return List.of(new MailTemplateDeclaration(
                TEMPLATE,
                "mail.group.portal",
                MailKind.TRANSACTIONAL,
                TemplateVariables.ORDER.with(Map.of("linkValidHours", VALID_HOURS)),
                this::sample));
    }

    /** An order mail's variables, with the link the lookup opened instead of the long-lived one. */
    private Map<String, Object> variables(OrderView order, CustomerView customer, String link) {
        Map<String, Object> values = variables.of(order, customer);
        values.put("portalUrl", link);
        values.put("linkValidHours", VALID_HOURS);
        return values;
    }

    private Map<String, Object> sample(MailSample sample) {
        return variables(sample.order(), sample.customer(), links.urlFor("sample"));
    }
}
