package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The inquiry workflow, without Spring or a database. */
class InquiryTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z"); // Monday 10:00 in Tokyo

    /** Weekdays 10:00–18:00 in Tokyo, the defaults. */
    static final SlaPolicy SLA = new SlaPolicy(
            new BusinessHours(
                    java.time.ZoneId.of("Asia/Tokyo"),
                    java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                    java.time.LocalTime.of(10, 0),
                    java.time.LocalTime.of(18, 0),
                    java.util.Set.of()),
            java.util.Map.of(),
            java.util.Map.of());

    static Inquiry newInquiry() {
        return newInquiry("お届け日を変更したいです");
    }

    static Inquiry newInquiry(String body) {
        return Inquiry.open(new InquiryOpening(
                "INQ-2026-000001",
                Channel.WEB_FORM,
                null,
                null,
                new CustomerId(1),
                new StorefrontId(1),
                null,
                null,
                "配送について",
                body,
                "山田 花子",
                Inquiry.CUSTOMER,
                new SlaPolicy.Due(T0.plusSeconds(3600), T0.plusSeconds(8 * 3600)),
                T0));
    }

    static Inquiry resolved() {
        Inquiry inquiry = newInquiry();
        inquiry.recordReply("sato", "確認いたします", T0.plusSeconds(60));
        inquiry.resolve("sato", T0.plusSeconds(120), SLA);
        return inquiry;
    }

    @Test
    void shouldStartNewWithTheCustomersFirstMessageAndDefaults() {
        Inquiry inquiry = newInquiry();

        assertThat(inquiry.status()).isEqualTo(InquiryStatus.NEW);
        assertThat(inquiry.category()).isEqualTo(Category.OTHER);
        assertThat(inquiry.priority()).isEqualTo(Priority.NORMAL);
        assertThat(inquiry.messages()).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(InquiryMessage.Direction.INBOUND);
            assertThat(m.author()).isEqualTo("customer");
            assertThat(m.authorName()).isEqualTo("山田 花子");
        });
        assertThat(inquiry.trail()).extracting(InquiryTrailEntry::type).containsExactly(InquiryTrailEntry.Type.CREATED);
    }

    @Test
    void shouldSetFirstResponseTimeOnlyOnTheFirstReplyAndOpenTheInquiry() {
        Inquiry inquiry = newInquiry();

        inquiry.recordReply("sato", "確認いたします", T0.plusSeconds(60));
        inquiry.recordReply("sato", "変更しました", T0.plusSeconds(600));

        assertThat(inquiry.sla().firstRespondedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.OPEN);
        assertThat(inquiry.messages())
                .extracting(InquiryMessage::direction)
                .containsExactly(
                        InquiryMessage.Direction.INBOUND,
                        InquiryMessage.Direction.OUTBOUND,
                        InquiryMessage.Direction.OUTBOUND);
    }

    @Test
    void shouldNotCountTheDesksAutomaticAnswerAsAFirstResponse() {
        Inquiry inquiry = newInquiry();

        inquiry.recordAutomaticReply("line-first-reply", "お問い合わせありがとうございます。", T0.plusSeconds(1));

        assertThat(inquiry.sla().firstRespondedAt()).isNull();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.NEW);
        assertThat(inquiry.messages()).last().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(InquiryMessage.Direction.OUTBOUND);
            assertThat(m.author()).isEqualTo("line-first-reply");
        });
        assertThat(inquiry.trail()).last().satisfies(t -> {
            assertThat(t.type()).isEqualTo(InquiryTrailEntry.Type.REPLIED);
            assertThat(t.actor()).isEqualTo("line-first-reply");
        });

        inquiry.recordReply("sato", "確認いたします", T0.plusSeconds(60));

        assertThat(inquiry.sla().firstRespondedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void shouldNotCountANoteAsAFirstResponse() {
        Inquiry inquiry = newInquiry();

        inquiry.addNote("sato", "倉庫に確認中", T0.plusSeconds(60));

        assertThat(inquiry.sla().firstRespondedAt()).isNull();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.NEW);
    }

    @Test
    void shouldReopenAResolvedInquiryWhenTheCustomerReplies() {
        Inquiry inquiry = resolved();

        boolean reopened = inquiry.reopenByCustomerReply("まだ届きません", null, T0.plusSeconds(300), SLA);

        assertThat(reopened).isTrue();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.OPEN);
        assertThat(inquiry.resolvedAt()).isNull();
    }

    @Test
    void shouldReopenAnInquiryWaitingOnTheCustomerWhenTheyReply() {
        Inquiry inquiry = newInquiry();
        inquiry.open("sato", T0.plusSeconds(10));
        inquiry.waitOnCustomer("sato", T0.plusSeconds(20));

        assertThat(inquiry.reopenByCustomerReply("写真を送ります", null, T0.plusSeconds(30), SLA))
                .isTrue();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.OPEN);
    }

    @Test
    void shouldPauseTheResolutionClockWhileWaitingOnTheCustomer() {
        Inquiry inquiry = newInquiry();
        inquiry.open("sato", T0.plusSeconds(10));
        inquiry.waitOnCustomer("sato", T0.plusSeconds(3600)); // Monday 11:00

        inquiry.reopenByCustomerReply("写真を送ります", null, T0.plusSeconds(3 * 3600), SLA); // 13:00

        // due Monday 18:00; two business hours later is Tuesday 12:00
        Instant moved = Instant.parse("2026-11-24T03:00:00Z");
        assertThat(inquiry.sla().resolutionDueAt()).isEqualTo(moved);
        assertThat(inquiry.reopenByCustomerReply("もう一枚", null, T0.plusSeconds(4 * 3600), SLA))
                .as("no longer waiting: nothing more moves")
                .isFalse();
        assertThat(inquiry.sla().resolutionDueAt()).isEqualTo(moved);

        inquiry.changePriority(Priority.HIGH, SLA, "suzuki", T0.plusSeconds(5 * 3600));
        // HIGH: resolution in 2 business days from Monday 10:00 = Tuesday 18:00, plus the 2 hours paused
        assertThat(inquiry.sla().resolutionDueAt())
                .as("a priority change keeps the pause")
                .isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
    }

    @Test
    void shouldLeaveAFinalWaitOutWhenResolvedStraightFromWaiting() {
        Inquiry inquiry = newInquiry();
        inquiry.open("sato", T0.plusSeconds(10));
        inquiry.waitOnCustomer("sato", T0.plusSeconds(3600)); // Monday 11:00

        inquiry.resolve("sato", T0.plusSeconds(4 * 3600), SLA); // 14:00, the customer never answered

        // due Monday 18:00, three business hours of waiting later: Tuesday 13:00
        assertThat(inquiry.sla().resolutionDueAt()).isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.RESOLVED);
    }

    @Test
    void shouldKeepAnOpenInquiryOpenWhenTheCustomerAddsAMessage() {
        Inquiry inquiry = newInquiry();

        assertThat(inquiry.reopenByCustomerReply("追記です", null, T0.plusSeconds(30), SLA))
                .isFalse();
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.NEW);
    }

    @Test
    void shouldRefuseACustomerReplyToAClosedInquiry() {
        Inquiry inquiry = resolved();
        inquiry.close("sato", T0.plusSeconds(200));

        assertThatThrownBy(() -> inquiry.reopenByCustomerReply("もう一度", null, T0.plusSeconds(300), SLA))
                .isInstanceOf(InquiryWorkflowViolation.class)
                .hasMessageContaining("INQ-2026-000001")
                .hasMessageContaining("CLOSED");
    }

    @Test
    void shouldCloseOnlyAResolvedInquiry() {
        Inquiry inquiry = newInquiry();

        assertThatThrownBy(() -> inquiry.close("sato", T0)).isInstanceOf(InquiryWorkflowViolation.class);
    }

    @Test
    void shouldRefuseToReplyToOrResolveAResolvedInquiry() {
        Inquiry inquiry = resolved();

        assertThatThrownBy(() -> inquiry.recordReply("sato", "追伸", T0.plusSeconds(400)))
                .isInstanceOf(InquiryWorkflowViolation.class);
        assertThatThrownBy(() -> inquiry.resolve("sato", T0.plusSeconds(400), SLA))
                .isInstanceOf(InquiryWorkflowViolation.class);
    }

    @Test
    void shouldWaitOnTheCustomerOnlyWhenOpen() {
        Inquiry inquiry = newInquiry();

        assertThatThrownBy(() -> inquiry.waitOnCustomer("sato", T0)).isInstanceOf(InquiryWorkflowViolation.class);
    }

    @Test
    void shouldRecordAssignmentOnceInTheTrail() {
        Inquiry inquiry = newInquiry();

        inquiry.assign(7, "sato", "suzuki", T0.plusSeconds(10));
        inquiry.assign(7, "sato", "suzuki", T0.plusSeconds(20));

        assertThat(inquiry.assigneeOperatorId()).isEqualTo(7L);
        assertThat(inquiry.trail())
                .filteredOn(t -> t.type() == InquiryTrailEntry.Type.ASSIGNED)
                .singleElement()
                .satisfies(t -> assertThat(t.actor()).isEqualTo("suzuki"));
    }

    @Test
    void shouldTraceEveryStatusChangeWithWhoDidIt() {
        Inquiry inquiry = resolved();

        assertThat(inquiry.trail())
                .filteredOn(t -> t.type() == InquiryTrailEntry.Type.STATUS_CHANGED)
                .extracting(InquiryTrailEntry::detail)
                .containsExactly("NEW -> OPEN", "OPEN -> RESOLVED");
    }

    @Test
    void shouldStoreHtmlAsText() {
        Inquiry inquiry = newInquiry("<script>alert('x')</script> 届きません");

        assertThat(inquiry.messages().get(0).body()).isEqualTo("<script>alert('x')</script> 届きません");
    }

    @Test
    void shouldRefuseABodyOverTwentyThousandCharacters() {
        assertThatThrownBy(() -> newInquiry("あ".repeat(20_001)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void shouldRefuseControlCharactersButKeepLineBreaksInTheBody() {
        assertThat(newInquiry("一行目\n二行目").messages().get(0).body()).isEqualTo("一行目\n二行目");
        assertThatThrownBy(() -> newInquiry("bad\u0000body"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void shouldRequireAReasonToFlag() {
        Inquiry inquiry = newInquiry();

        assertThatThrownBy(() -> inquiry.flag(" ", "sato", T0))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("flagReason"));
        inquiry.flag("消費者センターに相談すると", "sato", T0);
        assertThat(inquiry.flagged()).isTrue();
    }
}
