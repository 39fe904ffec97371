package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.shop.ShopProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-question satisfaction survey (顧客満足度). When an inquiry is resolved the customer gets
 * a mail with a signed link (no login, valid 30 days); the answer is 1-5 and a comment, once per
 * inquiry. A score of 1 or 2 flags the inquiry (不満の早期発見), which puts it at the top of the
 * queue.
 */
@Component
public class SatisfactionSurvey {

    /** The purpose survey tokens are signed for. */
    public static final String PURPOSE = "csat";

    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final int LOW = 2;

    private final InquiryRepository inquiries;
    private final Customers customers;
    private final Mails mails;
    private final SignedTokens tokens;
    private final ShopProperties shop;
    private final JdbcClient jdbc;
    private final Clock clock;

    SatisfactionSurvey(
            InquiryRepository inquiries,
            Customers customers,
            Mails mails,
            SignedTokens tokens,
            ShopProperties shop,
            JdbcClient jdbc,
            Clock clock) {
        this.inquiries = inquiries;
        this.customers = customers;
        this.mails = mails;
        this.tokens = tokens;
        this.shop = shop;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the survey page shows. */
    public record Survey(String reference, String subject, boolean answered) {}

    static final String TEMPLATE = "inquiry-csat";

    @ApplicationModuleListener
    void on(InquiryResolved event) {
        CustomerView customer = customers.find(event.customer()).orElseThrow();
        if (!customer.hasEmail()
                || inquiries
                        .findById(event.inquiry().value())
                        .map(inquiry -> inquiry.channel() == Channel.LINE)
                        .orElse(false)) {
            // a LINE conversation is answered on LINE; a survey by mail would come from nowhere
            return;
        }
        String token = tokens.sign(
                PURPOSE, Long.toString(event.inquiry().value()), clock.instant().plus(VALIDITY));
        String link = shop.publicUrl() + "/portal/csat?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        mails.send(MailRequest.transactional(
                // a reopened and resolved-again inquiry asks once only
                "csat:" + event.inquiry().value(),
                TEMPLATE,
                customer.id(),
                null,
                event.storefront(),
                customer.email().value(),
                variables(customer.name(), event.reference(), link, shop.name()),
                clock.instant()));
    }

    /** What the survey mail gets: the reference it is about and the signed link to answer. */
    static Map<String, Object> variables(String customerName, String reference, String link, String shopName) {
        return Map.of(
                "shopName", shopName,
                "customerName", customerName,
                "inquiryReference", reference,
                "referenceTag", ReplyMail.referenceTag(reference),
                "csatUrl", link);
    }

    /** The survey a token opens, if the token is intact, unexpired and made for a survey. */
    @Transactional(readOnly = true)
    public Optional<Survey> open(String token) {
        return inquiryOf(token)
                .map(inquiry -> new Survey(
                        inquiry.reference(),
                        inquiry.subject(),
                        answered(inquiry.id().value())));
    }

    /**
     * Records the answer, once.
     *
     * @return false when the survey was answered before (nothing changes)
     * @throws InvalidValue for a score outside 1-5 or an unusable comment
     * @throws IllegalArgumentException for a token that opens no survey
     */
    @Transactional
    public boolean answer(String token, int score, String comment) {
        if (score < 1 || score > 5) {
            throw new InvalidValue("score", "must be 1 to 5");
        }
        String text = comment == null || comment.isBlank() ? null : InquiryText.body("comment", comment);
        Inquiry inquiry = inquiryOf(token).orElseThrow(() -> new IllegalArgumentException("No survey for that token"));
        boolean first = jdbc.sql("""
                                insert into inquiry_satisfaction (inquiry_id, score, comment, answered_at)
                                values (:inquiry, :score, :comment, :at) on conflict do nothing
                                """)
                        .param("inquiry", inquiry.id().value())
                        .param("score", score)
                        .param("comment", text)
                        .param("at", Timestamp.from(clock.instant()))
                        .update()
                == 1;
        if (first && score <= LOW) {
            inquiries
                    .lockByReference(inquiry.reference())
                    .orElseThrow()
                    .warn(EarlyWarning.lowSatisfaction(score), "csat", clock.instant());
        }
        return first;
    }

    private Optional<Inquiry> inquiryOf(String token) {
        return tokens.verify(PURPOSE, token).flatMap(subject -> {
            try {
                return inquiries.findById(Long.parseLong(subject));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private boolean answered(long inquiryId) {
        return jdbc.sql("select count(*) from inquiry_satisfaction where inquiry_id = :id")
                        .param("id", inquiryId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
