package com.aftercare.stepmail.newsletter;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.stepmail.templates.MailTemplates;
import com.aftercare.stepmail.templates.TemplateValidator;
import com.aftercare.stepmail.templates.TemplateVariables;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing, previewing and scheduling newsletters. The recipients are taken when the send
 * starts (so consent given or withdrawn until then counts); the sending itself is
 * {@link NewsletterSender}'s.
 */
@Service
@EnableConfigurationProperties(NewsletterProperties.class)
public class Newsletters {

    private final JdbcClient jdbc;
    private final TemplateValidator validator;
    private final MailTemplates templates;
    private final ShopProperties shop;
    private final NewsletterProperties properties;
    private final Clock clock;

    Newsletters(
            JdbcClient jdbc,
            TemplateValidator validator,
            MailTemplates templates,
            ShopProperties shop,
            NewsletterProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.templates = templates;
        this.shop = shop;
        this.properties = properties;
        this.clock = clock;
    }

    /** How many would receive it now, and how it reads for a sample customer. */
    public record Preview(long recipients, MailTemplates.Rendered sample) {}

    /** A newsletter in the list, with how far its send got. */
    public record Summary(
            NewsletterId id,
            String subject,
            String language,
            Instant sendAt,
            String status,
            Integer recipients,
            long enqueued,
            long skipped,
            String createdBy) {}

    /** The variables a newsletter may use; the coupon only with a campaign. */
    static TemplateVariables variables(boolean withCoupon) {
        TemplateVariables promotional = TemplateVariables.CUSTOMER.with(TemplateVariables.PROMOTIONAL);
        return withCoupon ? promotional.with(TemplateVariables.COUPON) : promotional;
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
        return new Preview(count(draft.segment()), templates.render(draft.template(), sample));
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
                                                created_by)
                        values (:subject, :body, :language, :storefront, :category, :days, :coupon, :sendAt, :rate, :by)
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
                .param("by", by)
                .query(Long.class)
                .single();
        return new NewsletterId(id);
    }

    /** The storefront and the coupon campaign must exist, and the campaign must outlast the send. */
    private void requireReferences(NewsletterDraft draft, Instant sendAt) {
        if (draft.segment().storefront() != null
                && !jdbc.sql("select exists (select 1 from storefront where id = :id)")
                        .param("id", draft.segment().storefront().value())
                        .query(Boolean.class)
                        .single()) {
            throw new InvalidValue("storefront", "is not a storefront of this shop");
        }
        if (draft.coupon() != null
                && !jdbc.sql("""
                                select exists (select 1 from coupon_campaign where id = :id and not standing
                                                  and (expires_at is null or expires_at > :at))
                                """)
                        .param("id", draft.coupon().value())
                        .param("at", Timestamp.from(sendAt))
                        .query(Boolean.class)
                        .single()) {
            throw new InvalidValue("coupon", "is not a campaign that still issues codes at the send time");
        }
    }

    /** The latest newsletters, newest send first. */
    @Transactional(readOnly = true)
    public List<Summary> recent() {
        return jdbc.sql("""
                        select n.id, n.subject, n.language, n.send_at, n.status, n.recipients, n.created_by,
                               count(d.id) filter (where d.status = 'ENQUEUED') as enqueued,
                               count(d.id) filter (where d.status = 'SKIPPED') as skipped
                          from newsletter n left join newsletter_delivery d on d.newsletter_id = n.id
                         group by n.id
                         order by n.send_at desc, n.id desc
                         limit 100
                        """)
                .query((rs, i) -> new Summary(
                        new NewsletterId(rs.getLong("id")),
                        rs.getString("subject"),
                        rs.getString("language"),
                        rs.getTimestamp("send_at").toInstant(),
                        rs.getString("status"),
                        (Integer) rs.getObject("recipients"),
                        rs.getLong("enqueued"),
                        rs.getLong("skipped"),
                        rs.getString("created_by")))
                .list();
    }

    /**
     * The template must render with the variables a newsletter has, and the law's footer must be
     * in it: every promotional mail shows the opt-out link and the sender's address.
     */
    private void check(NewsletterDraft draft) {
        List<TemplateValidator.Problem> problems = validator.check(draft.template(), variables(draft.coupon() != null));
        if (!problems.isEmpty()) {
            TemplateValidator.Problem first = problems.get(0);
            throw new InvalidValue(first.field(), first.message());
        }
        for (String required : List.of("unsubscribeUrl", "shopAddress")) {
            if (!draft.textBody().contains("${" + required + "}")) {
                throw new InvalidValue(
                        TemplateValidator.TEXT_BODY,
                        "must show the opt-out link ${unsubscribeUrl} and the sender's address ${shopAddress}");
            }
        }
    }
}
