package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inquiries an operator takes down in the console: a phone call (who rang, what about, whether
 * and when to call back, inside the shop's {@link PhoneHours}) and an on-site visit appointment
 * (address, slot, who goes; the customer gets a {@link VisitConfirmation}). Both open an inquiry through {@link InquiryIntake}, as {@link Inquiries#open} does, so they get the
 * same customer recognition, SLA, early warning and assignment rules as every other channel.
 * Every input is checked before anything is written; a refusal names its field.
 */
@Service
public class CallsAndVisits {

    /** The one-line subject taken from the start of the summary. */
    static final int SUBJECT_LENGTH = 60;

    /**
     * What a call and a visit share: the customer, what it is about and an optional order
     * ({@code storefront} is needed for {@code orderNumber}), and the operator taking it down.
     * {@code knownCustomer}: the customer whose page the operator started from, taken when neither
     * email nor phone is given (a customer known only by LINE).
     */
    public record Intake(
            StorefrontId storefront,
            String customerEmail,
            String customerName,
            String customerPhone,
            String summary,
            Category category,
            Priority priority,
            String orderNumber,
            String operator,
            CustomerId knownCustomer) {}

    /** A call the operator took. {@code callbackAt} is required when {@code callbackWanted}. */
    public record LogCall(Intake intake, String caller, boolean callbackWanted, Instant callbackAt) {}

    /** A visit agreed with the customer: the slot must lie ahead and end after it starts. */
    public record BookVisit(Intake intake, String address, Instant slotStart, Instant slotEnd, String staff) {}

    /** A callback to make today or already late ({@code overdue}). */
    public record Callback(
            String reference,
            String subject,
            String caller,
            String customerName,
            Instant callbackAt,
            String assignee,
            boolean overdue) {}

    private final InquiryIntake intake;
    private final InquiryRepository repository;
    private final InquiryWork work;
    private final VisitConfirmation confirmation;
    private final PhoneHours phoneHours;
    private final JdbcClient jdbc;
    private final ShopProperties shop;
    private final Clock clock;

    CallsAndVisits(
            InquiryIntake intake,
            InquiryRepository repository,
            InquiryWork work,
            VisitConfirmation confirmation,
            PhoneHours phoneHours,
            JdbcClient jdbc,
            ShopProperties shop,
            Clock clock) {
        this.intake = intake;
        this.repository = repository;
        this.work = work;
        this.confirmation = confirmation;
        this.phoneHours = phoneHours;
        this.jdbc = jdbc;
        this.shop = shop;
        this.clock = clock;
    }

    @Transactional
    public Inquiries.Opened logCall(LogCall call) {
        String caller = InquiryText.line("caller", call.caller(), InquiryText.MAX_NAME, true);
        Instant now = clock.instant();
        if (call.callbackWanted()) {
            if (call.callbackAt() == null) {
                throw new InvalidValue("callbackAt", "must be given when a callback is wanted");
            }
            if (!call.callbackAt().isAfter(now)) {
                throw new InvalidValue("callbackAt", "must lie in the future");
            }
            if (!phoneHours.contains(call.callbackAt())) {
                throw new InvalidValue("callbackAt", "must lie inside the phone hours");
            }
        }
        Inquiries.Opened opened = open(Channel.PHONE, call.intake());
        load(opened).recordCall(caller, call.callbackWanted(), call.callbackAt());
        return opened;
    }

    @Transactional
    public Inquiries.Opened bookVisit(BookVisit visit) {
        String address = InquiryText.line("address", visit.address(), 500, true);
        String staff = InquiryText.line("staff", visit.staff(), InquiryText.MAX_NAME, true);
        if (visit.slotStart() == null) {
            throw new InvalidValue("slotStart", "must not be null");
        }
        if (visit.slotEnd() == null) {
            throw new InvalidValue("slotEnd", "must not be null");
        }
        if (!visit.slotStart().isAfter(clock.instant())) {
            throw new InvalidValue("slotStart", "must lie in the future");
        }
        if (!visit.slotEnd().isAfter(visit.slotStart())) {
            throw new InvalidValue("slotEnd", "must be after the start");
        }
        Inquiries.Opened opened = open(Channel.VISIT, visit.intake());
        Inquiry inquiry = load(opened);
        inquiry.scheduleVisit(address, visit.slotStart(), visit.slotEnd(), staff);
        confirmation.send(inquiry);
        return opened;
    }

    /**
     * Callbacks still to make on active inquiries, due before the end of today in the shop's time
     * zone (earlier days' included: they are overdue), soonest first.
     */
    @Transactional(readOnly = true)
    public List<Callback> dueToday() {
        Instant now = clock.instant();
        return dueToday(now).query((rs, n) -> callback(rs, now)).list();
    }

    /** Every callback {@link #dueToday} lists, streamed with a cursor (for the CSV export). */
    @Transactional(readOnly = true)
    public void eachDueToday(Consumer<Callback> callback) {
        Instant now = clock.instant();
        dueToday(now).withFetchSize(Exports.FETCH_SIZE).query((RowCallbackHandler)
                rs -> callback.accept(callback(rs, now)));
    }

    private JdbcClient.StatementSpec dueToday(Instant now) {
        Instant endOfToday = LocalDate.ofInstant(now, shop.zone())
                .plusDays(1)
                .atStartOfDay(shop.zone())
                .toInstant();
        return jdbc.sql("""
                        select i.reference, i.subject, i.phone_caller, c.name, i.callback_at, o.username
                          from inquiry i
                          join customer_view c on c.id = i.customer_id
                          left join operator_view o on o.id = i.assignee_operator_id
                         where i.callback_wanted and i.callback_done_at is null
                           and i.status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')
                           and i.callback_at < :end
                         order by i.callback_at, i.id
                        """).param("end", Timestamp.from(endOfToday));
    }

    private static Callback callback(ResultSet rs, Instant now) throws SQLException {
        Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
        return new Callback(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                at,
                rs.getString(6),
                !at.isAfter(now));
    }

    /**
     * The callback promised on inquiry {@code reference} was made: it leaves the callbacks list
     * and stays on the inquiry as made, by whom and when.
     *
     * @throws InvalidValue naming {@code callback} when none was promised or it was made already,
     *     {@code operator} when the operator is not an enabled account
     */
    @Transactional
    public void callbackMade(String reference, String operator) {
        work.callbackMade(reference, operator);
    }

    private Inquiries.Opened open(Channel channel, Intake intake) {
        String body = InquiryText.body("summary", intake.summary());
        // the intake itself (not the facade): a known customer is the console's choice, not a caller's
        return this.intake.open(
                new Inquiries.OpenInquiry(
                        intake.storefront(),
                        channel,
                        intake.customerEmail(),
                        intake.customerName(),
                        intake.customerPhone(),
                        intake.orderNumber(),
                        intake.category(),
                        intake.priority(),
                        subjectOf(body),
                        body,
                        intake.operator()),
                intake.knownCustomer());
    }

    /** The summary's first line, cut to {@link #SUBJECT_LENGTH} characters. */
    static String subjectOf(String summary) {
        String first = summary.strip().lines().findFirst().orElse("").strip();
        return first.length() <= SUBJECT_LENGTH ? first : first.substring(0, SUBJECT_LENGTH - 1) + "…";
    }

    private Inquiry load(Inquiries.Opened opened) {
        return repository.findByReference(opened.reference()).orElseThrow(() -> NotFound.inquiry(opened.reference()));
    }
}
