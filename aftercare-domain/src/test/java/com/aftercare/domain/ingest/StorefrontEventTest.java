package com.aftercare.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.ingest.StorefrontEvent.Customer;
import com.aftercare.domain.ingest.StorefrontEvent.CustomerRegistered;
import com.aftercare.domain.ingest.StorefrontEvent.OrderPlaced;
import com.aftercare.domain.ingest.StorefrontEvent.OrderProgressed;
import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StorefrontEventTest {

    private static final Instant OCCURRED_AT = Instant.parse("2026-11-01T01:00:00Z");
    private static final OrderNumber NUMBER = new OrderNumber("R-2026-0001");

    private static Customer customer() {
        return new Customer(EmailAddress.of("hanako@example.jp"), new PersonalDetails("山田 花子", null, null), "ext-1");
    }

    private static List<LineItem> oneLine() {
        return List.of(new LineItem("SKU-1", "化粧水", null, 1, 1_800));
    }

    private static OrderPlaced placed(List<LineItem> lines, long shippingFee, long discount) {
        return new OrderPlaced(NUMBER, customer(), Money.JPY, lines, shippingFee, discount, "card", null);
    }

    @Test
    void shouldTakeItsTypeFromThePayload() {
        assertThat(new StorefrontEvent("e-1", OCCURRED_AT, placed(oneLine(), 0, 0)).type())
                .isEqualTo("order.placed");
        assertThat(new StorefrontEvent(
                                "e-2", OCCURRED_AT, new OrderProgressed(NUMBER, Milestone.SHIPPED, "yamato", "1"))
                        .type())
                .isEqualTo("order.shipped");
        assertThat(new StorefrontEvent("e-3", OCCURRED_AT, new CustomerRegistered(customer())).type())
                .isEqualTo("customer.registered");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void shouldRequireAnEventId(String id) {
        assertThatThrownBy(() -> new StorefrontEvent(id, OCCURRED_AT, placed(oneLine(), 0, 0)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void shouldAcceptEventIdsUpToTwoHundredCharacters() {
        assertThat(new StorefrontEvent("e".repeat(200), OCCURRED_AT, placed(oneLine(), 0, 0)).id())
                .hasSize(200);
        assertThatThrownBy(() -> new StorefrontEvent("e".repeat(201), OCCURRED_AT, placed(oneLine(), 0, 0)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void shouldRequireWhenItHappenedAndWhatItSays() {
        assertThatThrownBy(() -> new StorefrontEvent("e-1", null, placed(oneLine(), 0, 0)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("occurredAt");
        assertThatThrownBy(() -> new StorefrontEvent("e-1", OCCURRED_AT, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("payload");
    }

    @Test
    void shouldRequireAtLeastOneLineToPlaceAnOrder() {
        assertThatThrownBy(() -> placed(List.of(), 0, 0))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.lines"));
        assertThatThrownBy(() -> placed(null, 0, 0))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.lines"));
    }

    @Test
    void shouldRejectNegativeShippingFeesAndDiscounts() {
        assertThatThrownBy(() -> placed(oneLine(), -1, 0))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.shippingFee"));
        assertThatThrownBy(() -> placed(oneLine(), 0, -1))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.discount"));
    }

    @Test
    void shouldCopyTheLinesSoTheCallerCannotChangeThemLater() {
        List<LineItem> lines = new ArrayList<>(oneLine());
        OrderPlaced placed = placed(lines, 0, 0);

        lines.add(new LineItem("SKU-2", "乳液", null, 1, 2_000));

        assertThat(placed.lines()).hasSize(1);
        assertThatThrownBy(() -> placed.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRequireTheOrderNumberCustomerAndCurrencyOfAPlacedOrder() {
        assertThatThrownBy(() -> new OrderPlaced(null, customer(), Money.JPY, oneLine(), 0, 0, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("number");
        assertThatThrownBy(() -> new OrderPlaced(NUMBER, null, Money.JPY, oneLine(), 0, 0, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("customer");
        assertThatThrownBy(() -> new OrderPlaced(NUMBER, customer(), null, oneLine(), 0, 0, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("currency");
    }

    @Test
    void shouldRequireTheOrderNumberAndMilestoneOfAProgressEvent() {
        assertThatThrownBy(() -> new OrderProgressed(null, Milestone.PAID, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("number");
        assertThatThrownBy(() -> new OrderProgressed(NUMBER, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("milestone");
    }

    @Test
    void shouldRequireTheCustomersEmailAndDetails() {
        assertThatThrownBy(() -> new Customer(null, new PersonalDetails("花子", null, null), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("email");
        assertThatThrownBy(() -> new Customer(EmailAddress.of("hanako@example.jp"), null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("details");
        assertThatThrownBy(() -> new CustomerRegistered(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("customer");
    }
}
