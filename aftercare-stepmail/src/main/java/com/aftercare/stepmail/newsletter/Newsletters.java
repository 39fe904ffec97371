package com.aftercare.stepmail.newsletter;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.templates.CouponMailVariables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing, previewing and scheduling newsletters. The recipients are taken when the send
 * starts (so consent given or withdrawn until then counts); the sending itself is
 * {@link NewsletterSender}'s.
 */
@Service
@EnableConfigurationProperties(NewsletterProperties.class)
@NamedInterface("newsletters")
public class Newsletters {

    private final JdbcClient jdbc;
    private final MailTemplateCatalogue catalogue;
    private final Mails mails;
    private final Storefronts storefronts;
    private final Coupons coupons;
    private final ShopProperties shop;
    private final AuditLog audit;
    private final NewsletterProperties properties;
    private final Clock clock;

    Newsletters(
            JdbcClient jdbc,
            MailTemplateCatalogue catalogue,
            Mails mails,
            Storefronts storefronts,
            Coupons coupons,
            ShopProperties shop,
            AuditLog audit,
            NewsletterProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.mails = mails;
        this.storefronts = storefronts;
        this.coupons = coupons;
        this.shop = shop;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** How many would receive it now, and how it reads for a sample customer. */
    public record Preview(long recipients, RenderedMail sample) {}

    /** A newsletter in the list, with how far its send got. */
    public record Summary(
            NewsletterId id,
            String subject,
            String language,
            Instant sendAt,
            String status,
            String overCap,
            Integer recipients,
            long waiting,
            long enqueued,
            long skipped,
            long cancelled,
            String createdBy) {

        /** Whether a supervisor may still cancel it (nothing more is sent once it is SENT). */
        public boolean cancellable() {
            return CANCELLABLE.contains(status);
        }
    }

    /** What a cancel stopped: deliveries not yet in the outbox, and outbox mails not yet claimed. */
    public record Cancelled(int deliveries, int outboxMails) {}

    /** The newsletter has been sent (or cancelled) already: there is nothing left to cancel. */
    @NamedInterface("newsletters")
    public static final class NotCancellable extends DomainException {

        NotCancellable(NewsletterId id, String status) {
            super("Newsletter " + id.value() + " is " + status
                    + "; only a scheduled or sending newsletter can be cancelled");
        }
    }

    private static final List<String> CANCELLABLE = List.of("SCHEDULED", "SENDING");

    /** The variables a newsletter may use; the coupon only with a campaign. */
    static TemplateVariables variables(boolean withCoupon) {
        TemplateVariables promotional = TemplateVariables.CUSTOMER.with(TemplateVariables.PROMOTIONAL);
        return withCoupon ? promotional.with(CouponMailVariables.SAMPLE) : promotional;
    }

    /** Counts the segment and renders the draft with sample values. */
    @Transactional(readOnly = true)
    public Preview preview(NewsletterDraft draft) {
        check(draft);
        Map<String, Object> sample =
                new HashMap<>(variables(draft.coupon() != null).samples());
        sample.put("shopName", shop.name());
        sample.put("shopAddress", shop.address());
        sample.put("unsubscribeUrl", shop.publicUrl() + "/portal/unsubscribe?token=…");
        return new Preview(count(draft.segment()), catalogue.render(draft.template(), sample));
    }

    @Transactional(readOnly = true)
    public long count(Segment segment) {
        Segment.Query members = segment.members(clock.instant());
        return jdbc.sql("select count(*) from (" + members.sql() + ") m")
                .params(members.params())
                .query(Long.class)
                .single();
    }

    /**
     * Schedules the newsletter for {@code sendAt}, a wall-clock time in the shop's zone.
     *
     * @throws InvalidValue naming {@code subject} or {@code textBody} (a template that would not
     *     render, an unknown variable, no opt-out link or sender address), {@code sendAt} (in the
     *     past), {@code storefront} or {@code coupon} (unknown, or a campaign ended by then) or
     *     {@code segment} (matching nobody, in which case nothing is scheduled)
     */
    @Transactional
    public NewsletterId schedule(NewsletterDraft draft, LocalDateTime sendAt, String by) {
        check(draft);
        if (sendAt == null) {
            throw new InvalidValue("sendAt", "must be given");
        }
        Instant at = sendAt.atZone(shop.zone()).toInstant();
        if (at.isBefore(clock.instant())) {
            throw new InvalidValue("sendAt", "must not be in the past");
        }
        requireReferences(draft, at);
        if (count(draft.segment()) == 0) {
            throw new InvalidValue("segment", "matches nobody who consented to promotional mail");
        }
        Segment segment = draft.segment();
        long id = jdbc.sql("""
                        insert into newsletter (subject, text_body, language, storefront_id, category,
                                                purchased_within_days, coupon_campaign_id, send_at, rate_per_minute,
                                                over_cap, created_by)
                        values (:subject, :body, :language, :storefront, :category, :days, :coupon, :sendAt, :rate,
                                :overCap, :by)
                        returning id
                        """)
                .param("subject", draft.subject())
                .param("body", draft.textBody())
                .param("language", draft.language())
                .param(
                        "storefront",
                        segment.storefront() == null
                                ? null
                                : segment.storefront().value())
                .param("category", segment.category())
                .param("days", segment.purchasedWithinDays())
                .param("coupon", draft.coupon() == null ? null : draft.coupon().value())
                .param("sendAt", Timestamp.from(at))
                .param("rate", properties.ratePerMinute())
                .param("overCap", draft.overCap())
                .param("by", by)
                .query(Long.class)
                .single();
        audit.record(
                by,
                "newsletter.scheduled",
                "newsletter",
                String.valueOf(id),
                AuditLog.details("subject", draft.subject(), "sendAt", String.valueOf(sendAt)));
        return new NewsletterId(id);
    }

    /** The storefront and the coupon campaign must exist, and the campaign must outlast the send. */
    private void requireReferences(NewsletterDraft draft, Instant sendAt) {
        if (draft.segment().storefront() != null
                && storefronts.find(draft.segment().storefront()).isEmpty()) {
            throw new InvalidValue("storefront", "is not a storefront of this shop");
        }
        if (draft.coupon() != null && !coupons.issuesCodesAt(draft.coupon(), sendAt)) {
            throw new InvalidValue("coupon", "is not a campaign that still issues codes at the send time");
        }
    }

    /** The latest newsletters, newest send first. */
    @Transactional(readOnly = true)
    public List<Summary> recent() {
        return summaries(" limit 100").query(Newsletters::summary).list();
    }

    /**
     * Every newsletter, in {@link #recent}'s order, streamed row by row with a cursor (for the CSV
     * export): nothing is held but the driver's fetch buffer.
     */
    @Transactional(readOnly = true)
    public void each(Consumer<Summary> newsletter) {
        summaries("").withFetchSize(Exports.FETCH_SIZE).query((RowCallbackHandler)
                rs -> newsletter.accept(summary(rs, 0)));
    }

    private JdbcClient.StatementSpec summaries(String limit) {
        return jdbc.sql("""
                select n.id, n.subject, n.language, n.send_at, n.status, n.over_cap, n.recipients, n.created_by,
                       count(d.id) filter (where d.status = 'SCHEDULED') as waiting,
                       count(d.id) filter (where d.status = 'ENQUEUED') as enqueued,
                       count(d.id) filter (where d.status = 'SKIPPED') as skipped,
                       count(d.id) filter (where d.status = 'CANCELLED') as cancelled
                  from newsletter n left join newsletter_delivery d on d.newsletter_id = n.id
                 group by n.id
                 order by n.send_at desc, n.id desc
                """ + limit);
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        return new Summary(
                new NewsletterId(rs.getLong("id")),
                rs.getString("subject"),
                rs.getString("language"),
                rs.getTimestamp("send_at").toInstant(),
                rs.getString("status"),
                rs.getString("over_cap"),
                (Integer) rs.getObject("recipients"),
                rs.getLong("waiting"),
                rs.getLong("enqueued"),
                rs.getLong("skipped"),
                rs.getLong("cancelled"),
                rs.getString("created_by"));
    }

    /**
     * Stops a newsletter that has not finished: before its start nobody gets it; while it sends,
     * the recipients whose turn has not come yet (the throttle, quiet hours, a postponement) do
     * not, and neither do those whose mail waits in the outbox unclaimed. A mail a dispatcher has
     * already claimed goes out: it may be on the wire.
     *
     * @throws NotFound for an unknown newsletter
     * @throws NotCancellable for one that was sent or cancelled already
     */
    @Transactional
    public Cancelled cancel(NewsletterId id, String by) {
        // the row lock orders this after a sender round that is starting it or enqueuing its mails
        String status = jdbc.sql("select status from newsletter where id = :id for update")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFound.newsletter(id.value()));
        if (!CANCELLABLE.contains(status)) {
            throw new NotCancellable(id, status);
        }
        jdbc.sql("""
                        update newsletter set status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by
                         where id = :id
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .param("id", id.value())
                .update();
        int deliveries = jdbc.sql("""
                        update newsletter_delivery set status = 'CANCELLED', reason = 'newsletter cancelled',
                                                       updated_at = now()
                         where newsletter_id = :id and status = 'SCHEDULED'
                        """).param("id", id.value()).update();
        List<Long> queued =
                jdbc.sql("""
                        select outbound_mail_id from newsletter_delivery
                         where newsletter_id = :id and outbound_mail_id is not null
                        """).param("id", id.value()).query(Long.class).list();
        int outboxMails = mails.withdraw(queued, "newsletter cancelled");
        audit.record(
                by,
                "newsletter.cancelled",
                "newsletter",
                String.valueOf(id.value()),
                AuditLog.details("deliveries", String.valueOf(deliveries), "outboxMails", String.valueOf(outboxMails)));
        return new Cancelled(deliveries, outboxMails);
    }

    /**
     * The template must render with the variables a newsletter has, and the law's footer must be
     * in it: every promotional mail shows the opt-out link and the sender's address.
     */
    private void check(NewsletterDraft draft) {
        List<FieldProblem> problems = catalogue.check(draft.template(), variables(draft.coupon() != null));
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            throw new InvalidValue(first.field(), first.message());
        }
        for (String required : List.of("unsubscribeUrl", "shopAddress")) {
            if (!draft.textBody().contains("${" + required + "}")) {
                throw new InvalidValue(
                        MailTemplate.TEXT_BODY,
                        "must show the opt-out link ${unsubscribeUrl} and the sender's address ${shopAddress}");
            }
        }
    }
}
