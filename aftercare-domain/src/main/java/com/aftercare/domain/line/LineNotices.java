package com.aftercare.domain.line;

import com.aftercare.domain.consent.MarketingConsent.ConsentWithdrawn;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.InvalidMailAddress;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.PreparedMail;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices (a shipping notice, a step mail, a visit confirmation) that went to a customer on
 * LINE instead of by mail, each kept with the mail it is: a text LINE could not take (the customer
 * unfollowed the account meanwhile, LINE refused it) goes by mail instead, once, under the notice's
 * own dedup key, and a notice for a customer who unfollowed and has no email is recorded as not
 * deliverable; one still waiting when the customer opts out (promotional ones) or the order is cancelled is
 * withdrawn. The
 * customer timeline shows them beside the mails.
 */
@Service
public class LineNotices {

    private static final Logger log = LoggerFactory.getLogger(LineNotices.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final int BATCH = 50;

    /** Where a notice stands, as the customer timeline tells it. */
    public enum State {
        /** The LINE text waits or is being sent. */
        WAITING,
        SENT,
        /** LINE may or may not have taken it; an operator decides (the inquiry's LINE text list). */
        PARKED,
        /** LINE did not take it; the mail instead is about to be queued. */
        FAILED,
        /** LINE did not take it and it went by mail instead. */
        MAILED,
        /** The customer unfollowed the LINE account and has no email. */
        UNDELIVERABLE,
        /** It still waited when the customer opted out or the order was cancelled. */
        WITHDRAWN
    }

    /** One notice on the customer timeline. */
    public record Entry(long id, Instant at, String template, String subject, State state) {}

    private final JdbcClient jdbc;
    private final Mails mails;
    private final Clock clock;

    LineNotices(JdbcClient jdbc, Mails mails, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Keeps the notice (the mail it is, rendered; its recipient null when the customer has no
     * email) beside the LINE text it became ({@code pushId}), or, with none, as not deliverable.
     * Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(PreparedMail notice, Long pushId, Instant now) {
        MailRequest request = notice.request();
        jdbc.sql("""
                        insert into line_notice (dedup_key, push_id, customer_id, storefront_id, order_id, kind, template,
                                                 subject, mail_to, text_body, html_body, headers, outcome, created_at,
                                                 settled_at)
                        values (:dedup, :push, :customer, :storefront, :order, :kind, :template, :subject, :to, :text,
                                :html, cast(:headers as jsonb), :outcome, :now, :settled)
                        on conflict (dedup_key) do nothing
                        """)
                .param("dedup", request.dedupKey())
                .param("push", pushId)
                .param("customer", request.customer().value())
                .param("storefront", request.storefront().value())
                .param("order", request.order() == null ? null : request.order().value())
                .param("kind", request.kind().name())
                .param("template", request.template())
                .param("subject", notice.mail().subject())
                .param("to", request.to())
                .param("text", notice.mail().text())
                .param("html", notice.mail().html())
                .param("headers", JSON.writeValueAsString(request.headers()))
                .param("outcome", pushId == null ? "UNDELIVERABLE" : null)
                .param("now", Timestamp.from(now))
                .param("settled", pushId == null ? Timestamp.from(now) : null)
                .update();
    }

    /**
     * Mails the notices whose LINE text failed (never one LINE may have taken: a parked text
     * waits for an operator), or records them as not deliverable when the customer has no email.
     * Safe beside other instances: each notice is taken under its row lock, and the mail keeps the
     * notice's dedup key.
     *
     * @return how many notices were settled
     */
    @Transactional
    public int mailWhatLineRefused() {
        record Refused(
                long id,
                String dedupKey,
                long customer,
                long storefront,
                Long order,
                String kind,
                String template,
                String subject,
                String to,
                String text,
                String html,
                String headers) {}
        List<Refused> refused = jdbc.sql("""
                        select n.id, n.dedup_key, n.customer_id, n.storefront_id, n.order_id, n.kind, n.template,
                               n.subject, n.mail_to, n.text_body, n.html_body, n.headers::text
                          from line_notice n join line_push p on p.id = n.push_id
                         where n.outcome is null and p.status = 'FAILED'
                         order by n.id limit :limit
                           for update of n skip locked
                        """)
                .param("limit", BATCH)
                .query((rs, i) -> new Refused(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        (Long) rs.getObject(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)))
                .list();
        Instant now = clock.instant();
        for (Refused notice : refused) {
            Long mailId = null;
            if (notice.to() != null) {
                try {
                    mailId = mails.sendRendered(
                            new MailRequest(
                                    notice.dedupKey(),
                                    MailKind.valueOf(notice.kind()),
                                    notice.template(),
                                    new CustomerId(notice.customer()),
                                    notice.order() == null ? null : new OrderId(notice.order()),
                                    new StorefrontId(notice.storefront()),
                                    notice.to(),
                                    Map.of(),
                                    JSON.readValue(notice.headers(), HEADERS),
                                    now),
                            new RenderedMail(notice.subject(), notice.text(), notice.html()));
                } catch (InvalidMailAddress e) {
                    log.warn("Notice {} cannot go by mail either: {}", notice.dedupKey(), e.getMessage());
                }
            }
            jdbc.sql("""
                            update line_notice set outcome = :outcome, fallback_mail_id = :mail, settled_at = :now
                             where id = :id
                            """)
                    .param("outcome", mailId == null ? "UNDELIVERABLE" : "MAILED")
                    .param("mail", mailId)
                    .param("now", Timestamp.from(now))
                    .param("id", notice.id())
                    .update();
        }
        return refused.size();
    }

    /**
     * An opt-out takes effect at once on LINE as on mail: a promotional notice whose text still
     * waits is withdrawn in the opt-out's own transaction.
     */
    @EventListener
    void on(ConsentWithdrawn event) {
        withdraw(
                jdbc.sql("""
                                select push_id from line_notice
                                 where customer_id = :customer and kind = 'PROMOTIONAL' and outcome is null
                                """)
                        .param("customer", event.customer().value())
                        .query(Long.class)
                        .list(),
                "customer opted out");
    }

    /**
     * Withdraws those of the notices' texts that still wait (an opt-out, a cancelled order): the
     * text FAILED with the reason, the notice WITHDRAWN, never mailed instead. A text already
     * claimed by a dispatcher goes out, as it may be on its way to LINE.
     *
     * @param pushIds the texts ({@code line_push} ids) the notices became
     * @return how many were withdrawn
     */
    @Transactional
    public int withdraw(Collection<Long> pushIds, String reason) {
        if (pushIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        with withdrawn as (
                            update line_push set status = 'FAILED', last_error = :reason, updated_at = now()
                             where id = any(:ids) and status = 'PENDING'
                               and id in (select push_id from line_notice where outcome is null)
                            returning id)
                        update line_notice set outcome = 'WITHDRAWN', settled_at = now()
                         where push_id in (select id from withdrawn)
                        """)
                .param("reason", reason)
                .param("ids", pushIds.toArray(Long[]::new))
                .update();
    }

    /** The customer's notices on LINE, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> forCustomer(CustomerId customer, int limit) {
        return jdbc.sql("""
                        select n.id, coalesce(p.sent_at, n.created_at), n.template, n.subject, n.outcome, p.status
                          from line_notice n left join line_push p on p.id = n.push_id
                         where n.customer_id = :customer
                         order by n.created_at desc, n.id desc limit :limit
                        """)
                .param("customer", customer.value())
                .param("limit", limit)
                .query((rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        state(rs.getString(5), rs.getString(6))))
                .list();
    }

    private static State state(String outcome, String pushStatus) {
        if (outcome != null) {
            return State.valueOf(outcome);
        }
        return switch (pushStatus) {
            case "SENT" -> State.SENT;
            case "UNKNOWN" -> State.PARKED;
            case "FAILED" -> State.FAILED;
            default -> State.WAITING;
        };
    }
}
