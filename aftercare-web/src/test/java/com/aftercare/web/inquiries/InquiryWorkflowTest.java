package com.aftercare.web.inquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.inquiry.InquiryEvents;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.InquiryWorkflowViolation;
import com.aftercare.inquiry.MessageView;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The inquiry workflow through the facade, on the real database, with the events it publishes. */
@AftercareIntegrationTest
@RecordApplicationEvents
class InquiryWorkflowTest {

    @Autowired
    Inquiries inquiries;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    String email;
    String sato;
    String suzuki;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        email = Events.unique("wf") + "@example.jp";
        sato = operator(Operators.Role.OPERATOR);
        suzuki = operator(Operators.Role.SUPERVISOR);
    }

    String operator(Operators.Role role) {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(username, "{noop}x", "オペレーター " + username, role);
        return username;
    }

    Inquiries.Opened open(Priority priority) {
        return inquiries.open(new Inquiries.OpenInquiry(
                storefront.id(),
                Channel.EMAIL,
                email,
                "山田 花子",
                null,
                null,
                Category.PRODUCT,
                priority,
                "マグカップが欠けていました",
                "写真を添付します。",
                null));
    }

    @Test
    void shouldPublishInquiryOpenedWithTheReference() {
        Inquiries.Opened opened = open(Priority.HIGH);

        assertThat(events.stream(InquiryEvents.InquiryOpened.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.reference()).isEqualTo(opened.reference());
                    assertThat(e.inquiry()).isEqualTo(opened.id());
                    assertThat(e.storefront()).isEqualTo(storefront.id());
                    assertThat(e.channel()).isEqualTo("EMAIL");
                    assertThat(e.category()).isEqualTo("PRODUCT");
                });
    }

    @Test
    void shouldKeepTheResolutionClockPausedInTheDatabaseWhileWaitingOnTheCustomer() {
        String reference = open(Priority.NORMAL).reference();
        inquiries.reply(new Inquiries.Reply(reference, sato, "お写真をお送りいただけますか。"));
        java.sql.Timestamp dueBefore = (java.sql.Timestamp) row(reference).get("resolution_due_at");

        inquiries.waitOnCustomer(reference, sato);
        assertThat(row(reference).get("waiting_since")).as("paused").isNotNull();
        // the customer took a week to answer: five working days of 8 hours, whatever the time of day
        jdbc.sql("update inquiry set waiting_since = now() - interval '7 days' where reference = :r")
                .param("r", reference)
                .update();
        inquiries.addCustomerMessage(new Inquiries.AddCustomerMessage(storefront.id(), reference, "送りました", null));

        java.util.Map<String, Object> after = row(reference);
        assertThat(after.get("waiting_since")).as("running again").isNull();
        // (the database's clock and the JVM's may differ by a few milliseconds)
        assertThat((Long) after.get("paused_seconds")).isBetween(40L * 3600 - 1, 40L * 3600 + 1);
        assertThat(((java.sql.Timestamp) after.get("resolution_due_at")).toInstant())
                .as("moved on by 40 business hours, at least 40 hours of wall time")
                .isAfterOrEqualTo(dueBefore
                        .toInstant()
                        .plus(java.time.Duration.ofHours(40).minusSeconds(1)));
        assertThat(after.get("status")).isEqualTo("OPEN");
    }

    private java.util.Map<String, Object> row(String reference) {
        return jdbc.sql(
                        "select status, waiting_since, paused_seconds, resolution_due_at from inquiry where reference = :r")
                .param("r", reference)
                .query()
                .singleRow();
    }

    @Test
    void shouldWalkTheWholeWorkflowAndTraceWhoDidWhat() {
        String reference = open(Priority.URGENT).reference();

        inquiries.assign(new Inquiries.Assign(reference, sato, suzuki));
        inquiries.reply(new Inquiries.Reply(reference, sato, "お写真をお送りいただけますか。"));
        inquiries.waitOnCustomer(reference, sato);
        inquiries.addCustomerMessage(new Inquiries.AddCustomerMessage(storefront.id(), reference, "送りました", null));
        inquiries.addNote(new Inquiries.AddNote(reference, sato, "交換品を手配"));
        inquiries.resolve(reference, sato);
        inquiries.close(reference, suzuki);

        InquiryView view = inquiries.find(reference).orElseThrow();
        assertThat(view.status()).isEqualTo(InquiryStatus.CLOSED);
        assertThat(view.firstRespondedAt()).isNotNull();
        assertThat(view.resolvedAt()).isNotNull();
        assertThat(view.closedAt()).isNotNull();
        assertThat(view.assigneeOperatorId())
                .isEqualTo(operators.find(sato).orElseThrow().id());
        assertThat(view.messages())
                .extracting(MessageView::direction)
                .containsExactly("INBOUND", "OUTBOUND", "INBOUND", "NOTE");
        assertThat(view.trail())
                .extracting(t -> t.type() + " " + t.actor() + (t.detail() == null ? "" : " " + t.detail()))
                .containsExactly(
                        "CREATED customer via EMAIL",
                        "ASSIGNED " + suzuki + " to " + sato,
                        "REPLIED " + sato,
                        "STATUS_CHANGED " + sato + " NEW -> OPEN",
                        "STATUS_CHANGED " + sato + " OPEN -> WAITING_ON_CUSTOMER",
                        "CUSTOMER_REPLIED customer",
                        "STATUS_CHANGED customer WAITING_ON_CUSTOMER -> OPEN",
                        "NOTE_ADDED " + sato,
                        "STATUS_CHANGED " + sato + " OPEN -> RESOLVED",
                        "STATUS_CHANGED " + suzuki + " RESOLVED -> CLOSED");
        assertThat(events.stream(InquiryEvents.CustomerReplied.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reopened()).isTrue());
        assertThat(events.stream(InquiryEvents.InquiryResolved.class))
                .singleElement()
                .satisfies(e -> assertThat(e.resolvedBy()).isEqualTo(sato));
    }

    @Test
    void shouldLetAnOperatorTakeAnInquiry() {
        String reference = open(Priority.NORMAL).reference();

        inquiries.take(reference, sato);

        assertThat(inquiries.find(reference).orElseThrow().assigneeOperatorId())
                .isEqualTo(operators.find(sato).orElseThrow().id());
    }

    @Test
    void shouldRefuseToResolveAClosedInquiryAndChangeNothing() {
        String reference = open(Priority.NORMAL).reference();
        inquiries.resolve(reference, sato);
        inquiries.close(reference, sato);

        assertThatThrownBy(() -> inquiries.resolve(reference, sato))
                .isInstanceOf(InquiryWorkflowViolation.class)
                .hasMessage("Cannot resolve inquiry " + reference + " while it is CLOSED");
        assertThat(inquiries.find(reference).orElseThrow().trail()).hasSize(3);
    }

    @Test
    void shouldRefuseToAssignToSomeoneWhoIsNotAnOperator() {
        String reference = open(Priority.NORMAL).reference();

        assertThatThrownBy(() -> inquiries.assign(new Inquiries.Assign(reference, "nobody-" + UUID.randomUUID(), sato)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("assignee"));
        assertThat(inquiries.find(reference).orElseThrow().assigneeOperatorId()).isNull();
    }

    @Test
    void shouldLeaveAnInquiryUnassignedWhenNoAssignmentRuleApplies() {
        // rules are limited to their tests' own storefronts; none names this one
        String reference = open(Priority.NORMAL).reference();

        assertThat(inquiries.assignAutomatically(reference, "auto-assign")).isEmpty();
        InquiryView view = inquiries.find(reference).orElseThrow();
        assertThat(view.assigneeOperatorId()).isNull();
        assertThat(view.team()).isNull();
    }

    @Test
    void shouldGiveUrgentInquiriesEarlierDueTimes() {
        InquiryView urgent = inquiries.find(open(Priority.URGENT).reference()).orElseThrow();
        InquiryView low = inquiries.find(open(Priority.LOW).reference()).orElseThrow();

        assertThat(urgent.firstResponseDueAt()).isBefore(low.firstResponseDueAt());
        assertThat(urgent.resolutionDueAt()).isBefore(low.resolutionDueAt());
    }
}
