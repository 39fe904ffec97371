package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.notice.Notices;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.shop.ShopProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confirmation of a visit appointment (訪問日時のご確認): a transactional notice, by mail or on
 * LINE as {@link Notices} decides (a customer linked to the storefront's LINE account gets it
 * there), queued in the transaction that booked the visit, with the date and time in the shop's time zone,
 * the place, and a signed link (no login, valid until the slot ends) to a portal page where the
 * customer asks for another time. The wish lands in the visit's inquiry as the customer's message,
 * so the operator sees it where the appointment is.
 */
@Component
public class VisitConfirmation {

    /** The purpose change-link tokens are signed for. */
    public static final String PURPOSE = "visit-change";

    static final String TEMPLATE = "visit-confirmation";

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What the change page shows; {@code open}: the inquiry still takes the customer's words. */
    public record Visit(String reference, String place, String when, boolean open) {}

    private final InquiryStore store;
    private final InquiryRepository inquiries;
    private final InquiryIntake intake;
    private final Customers customers;
    private final Notices notices;
    private final SignedTokens tokens;
    private final ShopProperties shop;
    private final Clock clock;

    VisitConfirmation(
            InquiryStore store,
            InquiryRepository inquiries,
            InquiryIntake intake,
            Customers customers,
            Notices notices,
            SignedTokens tokens,
            ShopProperties shop,
            Clock clock) {
        this.store = store;
        this.inquiries = inquiries;
        this.intake = intake;
        this.customers = customers;
        this.notices = notices;
        this.tokens = tokens;
        this.shop = shop;
        this.clock = clock;
    }

    /**
     * Queues the confirmation of a visit just booked, on LINE or by mail. A customer with neither
     * (no email, no LINE account taking the storefront's notices) gets nothing.
     */
    void send(Inquiry inquiry) {
        CustomerView customer = customers.find(inquiry.customer()).orElseThrow();
        if (!customer.hasEmail() && !notices.takenOnLine(customer.id(), inquiry.storefront())) {
            return;
        }
        ChannelDetails visit = inquiry.channelDetails();
        String token = tokens.sign(PURPOSE, Long.toString(inquiry.id().value()), visit.visitSlotEnd());
        String link = shop.publicUrl() + "/portal/visit?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        notices.send(MailRequest.transactional(
                "visit:" + inquiry.id().value() + ":" + visit.visitSlotStart().getEpochSecond(),
                TEMPLATE,
                customer.id(),
                inquiry.order(),
                inquiry.storefront(),
                customer.hasEmail() ? customer.email().value() : null,
                variables(customer.name(), inquiry.reference(), when(visit), visit.visitAddress(), link, shop.name()),
                clock.instant()));
    }

    static Map<String, Object> variables(
            String customerName, String reference, String when, String place, String link, String shopName) {
        return Map.of(
                "shopName", shopName,
                "customerName", customerName,
                "inquiryReference", reference,
                "referenceTag", ReplyMail.referenceTag(reference),
                "visitWhen", when,
                "visitPlace", place,
                "changeUrl", link);
    }

    /** The slot as the customer reads it, in the shop's time zone: {@code 2026-11-25 10:00–12:00}. */
    private String when(ChannelDetails visit) {
        return DAY_AND_TIME.format(visit.visitSlotStart().atZone(shop.zone())) + "–"
                + TIME.format(visit.visitSlotEnd().atZone(shop.zone()));
    }

    /** The visit a change link opens, if the link is intact, unexpired and made for a visit. */
    @Transactional(readOnly = true)
    public Optional<Visit> open(String token) {
        return inquiryOf(token)
                .map(i -> new Visit(
                        i.reference(),
                        i.channelDetails().visitAddress(),
                        when(i.channelDetails()),
                        i.status() != InquiryStatus.CLOSED));
    }

    /**
     * The customer asks for another time: their words join the visit's inquiry (reopening it as
     * any customer message does).
     *
     * @throws com.aftercare.domain.shared.InvalidValue naming {@code body} for an empty or too long wish
     * @throws IllegalArgumentException for a link that opens no visit
     */
    @Transactional
    public void askForAnotherTime(String token, String wish) {
        String body = InquiryText.body("body", wish);
        Inquiry inquiry = inquiryOf(token)
                .map(i -> store.lock(null, i.reference()))
                .orElseThrow(() -> new IllegalArgumentException("No visit for that link"));
        String name = customers.find(inquiry.customer()).map(CustomerView::name).orElse(null);
        intake.addCustomerMessageTo(inquiry, body, name, null);
    }

    private Optional<Inquiry> inquiryOf(String token) {
        return tokens.verify(PURPOSE, token == null ? "" : token).flatMap(subject -> {
            try {
                return inquiries.findById(Long.parseLong(subject)).filter(i -> i.channel() == Channel.VISIT);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
