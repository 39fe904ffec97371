package com.aftercare.domain.mail.rules;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.SendDecision;
import com.aftercare.domain.shop.ShopProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The respect every mail the shop sends on its own initiative keeps, in one place for step mail
 * and newsletters alike: promotional mail only with consent (特定電子メール法), never in quiet
 * hours unless urgent, and within the frequency cap counted across every scenario and newsletter;
 * and the sender's address, opt-out link and one-click headers every promotional mail carries.
 */
@Component
@EnableConfigurationProperties(MailRulesProperties.class)
public class SendRules {

    private final JdbcClient jdbc;
    private final MarketingConsent consent;
    private final UnsubscribeLinks unsubscribeLinks;
    private final ShopProperties shop;
    private final MailRulesProperties properties;
    private final QuietHours quiet;
    private final FrequencyCap cap;

    SendRules(
            JdbcClient jdbc,
            MarketingConsent consent,
            UnsubscribeLinks unsubscribeLinks,
            ShopProperties shop,
            MailRulesProperties properties) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.unsubscribeLinks = unsubscribeLinks;
        this.shop = shop;
        this.properties = properties;
        this.quiet = properties.quietHours(shop.zone());
        this.cap = new FrequencyCap(properties.capPerDay(), properties.capPerWeek(), shop.zone());
    }

    /** When the quiet hours {@code now} falls in end; empty outside them. */
    public Optional<Instant> quietUntil(Instant now) {
        return quiet.contains(now) ? Optional.of(quiet.nextAllowed(now)) : Optional.empty();
    }

    /** The quiet hours' end for a promotional message that a delay carried into them ({@link QuietHours#holdsBack}). */
    public Optional<Instant> heldUntil(boolean promotional, Instant dueAt, Instant now) {
        return quiet.holdsBack(promotional, dueAt, now) ? Optional.of(quiet.nextAllowed(now)) : Optional.empty();
    }

    public SendDecision decide(CustomerId customer, MailKind kind, boolean urgent, boolean skipOverCap, Instant now) {
        boolean promotional = kind == MailKind.PROMOTIONAL;
        if (promotional && !consent.hasConsented(customer)) {
            return SendDecision.skip("no consent to promotional mail");
        }
        Instant sendAt = urgent ? now : quiet.nextAllowed(now);
        if (promotional) {
            Optional<LocalDate> laterDay = cap.postponeTo(sendAt, promotionalMailsAround(customer, sendAt));
            if (laterDay.isPresent()) {
                if (skipOverCap) {
                    return SendDecision.skip("over the frequency cap");
                }
                sendAt = quiet.nextAllowed(laterDay.get()
                        .atTime(properties.quietEnd())
                        .atZone(shop.zone())
                        .toInstant());
            }
        }
        return SendDecision.at(sendAt);
    }

    /**
     * Adds what the law asks of a promotional mail to its template variables (the sender's
     * address as {@code shopAddress}, the opt-out link as {@code unsubscribeUrl}) and answers its
     * headers, including RFC 8058 one-click unsubscribe, which mailbox providers show as a button.
     */
    public Map<String, String> addPromotionalFooter(CustomerId customer, Map<String, Object> variables) {
        String unsubscribe = unsubscribeLinks.urlFor(customer);
        variables.put("unsubscribeUrl", unsubscribe);
        variables.put("shopAddress", shop.address());
        Map<String, String> headers = new HashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    /**
     * The customer's promotional mails, sent or queued, in the two weeks around {@code at}, and the
     * promotional notices that went on LINE instead (one cap for both channels: the customer is
     * the same person).
     */
    private List<Instant> promotionalMailsAround(CustomerId customer, Instant at) {
        return jdbc.sql("""
                        select coalesce(sent_at, due_at) from outbound_mail
                         where customer_id = :customer and kind = 'PROMOTIONAL'
                           and status not in ('CANCELLED', 'FAILED')
                           and coalesce(sent_at, due_at) between :from and :to
                        union all
                        select coalesce(p.sent_at, n.created_at) from line_notice n join line_push p on p.id = n.push_id
                         where n.customer_id = :customer and n.kind = 'PROMOTIONAL' and p.status <> 'FAILED'
                           and coalesce(p.sent_at, n.created_at) between :from and :to
                        """)
                .param("customer", customer.value())
                .param("from", Timestamp.from(at.minus(Duration.ofDays(8))))
                .param("to", Timestamp.from(at.plus(Duration.ofDays(8))))
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .list();
    }
}
