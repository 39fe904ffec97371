package com.aftercare.domain.mail;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.outbox.MailOutbox;
import com.aftercare.domain.mail.outbox.MailSuppressions;
import com.aftercare.domain.mail.outbox.OutgoingMail;
import com.aftercare.domain.mail.rules.SendRules;
import com.aftercare.domain.mail.rules.UnsubscribeLinks;
import com.aftercare.domain.mail.templates.MailTemplates;
import com.aftercare.domain.shared.Rejected;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way mail leaves Aftercare, for every module. A module asks for a mail from a template
 * ({@link #send}); the pipeline picks the template's version, renders it, adds what the law asks
 * of promotional mail, and stores it in the durable outbox in the caller's transaction, so a
 * rollback sends nothing and a crash loses nothing. The dispatcher sends it later, once, with
 * retries and back-off. Mails the shop sends on its own initiative ask {@link #decide} first:
 * consent, quiet hours and the frequency cap.
 */
@Service
public class Mails {

    private static final Logger log = LoggerFactory.getLogger(Mails.class);

    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final SendRules rules;
    private final UnsubscribeLinks unsubscribeLinks;
    private final MailSuppressions suppressions;
    private final MailSenders senders;
    private final JdbcClient jdbc;

    Mails(
            MailOutbox outbox,
            MailTemplates templates,
            SendRules rules,
            UnsubscribeLinks unsubscribeLinks,
            MailSuppressions suppressions,
            MailSenders senders,
            JdbcClient jdbc) {
        this.outbox = outbox;
        this.templates = templates;
        this.rules = rules;
        this.unsubscribeLinks = unsubscribeLinks;
        this.suppressions = suppressions;
        this.senders = senders;
        this.jdbc = jdbc;
    }

    /**
     * Renders the template named by the request (the storefront's version, else the shop's, else
     * the shipped one; in the customer's language, else the shop's) and queues the mail.
     *
     * @return the mail's outbox id; for a dedup key asked before, the first mail's
     * @throws Rejected when the template does not render with these variables
     * @throws InvalidMailAddress when the recipient or a header cannot go into a mail
     */
    @Transactional
    public long send(MailRequest request) {
        PreparedMail mail = prepare(request);
        return queue(mail.request(), mail.mail());
    }

    /**
     * Renders the mail {@link #send(MailRequest)} would queue, with everything the pipeline adds
     * (the promotional footer and headers, the storefront's sender name and signature), and
     * queues nothing: the notice router sends the same words on LINE ({@code Notices}), and keeps
     * them to mail them if LINE cannot take them ({@link #sendRendered}).
     *
     * @throws Rejected when the template does not render with these variables
     */
    @Transactional
    public PreparedMail prepare(MailRequest request) {
        String language = languageFor(request.customer());
        MailTemplates.Version version = templates.resolve(request.template(), language, request.storefront());
        try {
            return prepare(request, version.template());
        } catch (Rejected broken) {
            if (version.level() == TemplateLevel.SHIPPED) {
                throw broken;
            }
            // A shop's version that does not render for this mail (checked at save time against
            // samples; real data can still differ) must not stop a refund or a lookup: the customer
            // gets the standard wording, and the log says which version to mend.
            log.warn(
                    "Mail template {} ({}, {} version) does not render for mail {}: {}; sending the standard version",
                    request.template(),
                    language,
                    version.level(),
                    request.dedupKey(),
                    broken.getMessage());
            MailTemplate shipped = templates
                    .shipped(request.template(), language)
                    .or(() -> templates.shipped(request.template(), templates.defaultLanguage()))
                    .orElseThrow(() -> broken);
            return prepare(request, shipped);
        }
    }

    /**
     * Renders a template composed for this send (a newsletter) and queues the mail, as {@link
     * #send(MailRequest)}. A storefront with a sender of its own gives its name as {@code
     * shopName} and its signature below the text.
     */
    @Transactional
    public long send(MailRequest request, MailTemplate composed) {
        PreparedMail mail = prepare(request, composed);
        return queue(mail.request(), mail.mail());
    }

    private PreparedMail prepare(MailRequest request, MailTemplate template) {
        Map<String, Object> variables = new HashMap<>(request.variables());
        Map<String, String> headers = new HashMap<>(request.headers());
        Optional<MailSender> sender =
                request.storefront() == null ? Optional.empty() : senders.find(request.storefront());
        sender.map(MailSender::fromName).ifPresent(name -> variables.put("shopName", name));
        if (request.kind() == MailKind.PROMOTIONAL) {
            headers.putAll(rules.addPromotionalFooter(request.customer(), variables));
        }
        RenderedMail mail = templates.render(template, variables);
        return new PreparedMail(
                request.withHeaders(headers),
                sender.map(MailSender::signature).map(mail::signedWith).orElse(mail));
    }

    /**
     * Queues a mail already rendered (a preview an operator sends to themselves as a test).
     *
     * @return the mail's outbox id
     */
    @Transactional
    public long sendRendered(MailRequest request, RenderedMail mail) {
        return queue(request, mail);
    }

    /**
     * What to do with a mail the shop sends on its own initiative that is due now: promotional
     * mail only with consent (特定電子メール法), nothing in quiet hours unless urgent, promotional
     * mail within the frequency cap counted across every scenario and newsletter.
     *
     * @param urgent sent even in quiet hours
     * @param skipOverCap skip a promotional mail over the cap instead of postponing it to the
     *     morning of the first shop day with room
     */
    @Transactional(readOnly = true)
    public SendDecision decide(CustomerId customer, MailKind kind, boolean urgent, boolean skipOverCap, Instant now) {
        return rules.decide(customer, kind, urgent, skipOverCap, now);
    }

    /** When the quiet hours {@code now} falls in end; empty outside them. */
    public Optional<Instant> quietUntil(Instant now) {
        return rules.quietUntil(now);
    }

    /**
     * Until when a message due at {@code dueAt} that goes out only {@code now} must wait: the end of
     * the quiet hours for a promotional one that a delay carried into them; empty when it may go.
     * The mail dispatcher keeps this rule for mail, and the LINE outbox asks it here.
     */
    public Optional<Instant> heldUntil(boolean promotional, Instant dueAt, Instant now) {
        return rules.heldUntil(promotional, dueAt, now);
    }

    /** The language a customer's mail is written in: the shop's, until customers carry their own. */
    public String languageFor(CustomerId customer) {
        return templates.defaultLanguage();
    }

    /**
     * Withdraws those of the mails that still wait in the outbox (a cancelled newsletter); a mail
     * already claimed by a dispatcher goes out, as it may be on the wire.
     *
     * @return how many were withdrawn
     */
    @Transactional
    public int withdraw(Collection<Long> mailIds, String reason) {
        if (mailIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update outbound_mail set status = 'CANCELLED', last_error = :reason, updated_at = now()
                         where id = any(:ids) and status = 'PENDING'
                        """)
                .param("reason", reason)
                .param("ids", mailIds.toArray(Long[]::new))
                .update();
    }

    /** Whether mail to the address is stopped because it bounced hard. */
    @Transactional(readOnly = true)
    public boolean isBouncing(String address) {
        return suppressions.isBouncing(address);
    }

    /** The customer a one-click opt-out link names, if the link is intact. */
    public Optional<CustomerId> optOutCustomer(String token) {
        return unsubscribeLinks.customerOf(token);
    }

    /**
     * A delivery report that came back by mail says a mail failed for good. Believed only when it
     * names a mail we really sent to that address (its Message-ID): anyone can write a "bounce",
     * and a forged one must not cut a customer off.
     *
     * @return whether the address is bouncing now because of this report
     */
    public boolean recordBounceReport(String address, String originalMessageId, String reason) {
        return suppressions.recordBounceReport(address, originalMessageId, reason);
    }

    /**
     * The ids of our own mails that went out with any of these Message-IDs: a customer's answer
     * names them in {@code In-Reply-To} and {@code References}, which is how it finds its thread.
     */
    @Transactional(readOnly = true)
    public List<Long> sentWithMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from outbound_mail where message_id in (:ids)")
                .param("ids", messageIds)
                .query(Long.class)
                .list();
    }

    private long queue(MailRequest request, RenderedMail mail) {
        if (request.to() == null) {
            throw new IllegalArgumentException("Mail " + request.dedupKey() + " has no recipient");
        }
        return outbox.enqueueForId(new OutgoingMail(
                request.dedupKey(),
                request.kind(),
                request.template(),
                request.customer() == null ? null : request.customer().value(),
                request.order() == null ? null : request.order().value(),
                request.to(),
                mail.subject(),
                mail.text(),
                mail.html(),
                request.headers(),
                request.dueAt(),
                request.storefront() == null ? null : request.storefront().value()));
    }
}
