package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

/** The small parts of a claim: the repair quote, the inspection, the exchange shipment, the storefront's request key. */
class ClaimPartsTest {

    @Test
    void shouldQuoteOnlyAPositiveNumberOfYen() {
        assertThat(new RepairQuote(4400).note()).isEqualTo("¥4400");
        assertThatThrownBy(() -> new RepairQuote(0))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void shouldKeepNoBlankInspectionNoteAndRefuseALongOne() {
        assertThat(new Inspection("  ", false, null).note()).isNull();
        assertThat(new Inspection(" 外箱に破損\n角がつぶれています ", true, null).note()).isEqualTo("外箱に破損\n角がつぶれています");
        assertThatThrownBy(() -> new Inspection("x".repeat(Inspection.MAX_NOTE + 1), false, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> new Inspection("\u202Eevil", false, null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void shouldOfferAnApologyCouponOnlyForConfirmedDamage() {
        assertThat(new Inspection(null, true, null).withApology("APOL-0GY1").apologyCouponCode())
                .isEqualTo("APOL-0GY1");
        assertThatThrownBy(() -> Inspection.none().withApology("APOL-0GY1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Inspection(null, true, null).withApology(" "))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("couponCode"));
    }

    @Test
    void shouldShipAnExchangeWithOrWithoutATrackingNumber() {
        assertThat(new ExchangeShipment(" ").tracking()).isNull();
        assertThat(new ExchangeShipment(" 1234-5678-9012 ").tracking()).isEqualTo("1234-5678-9012");
        assertThatThrownBy(() -> new ExchangeShipment("9".repeat(ExchangeShipment.MAX_TRACKING + 1)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("tracking"));
    }

    @Test
    void shouldTellARetryOfTheSameRequestFromAnotherUnderTheSameKey() {
        ClientRequest request = new ClientRequest(" key-1 ", new byte[] {1, 2});

        assertThat(request.requestId()).isEqualTo("key-1");
        assertThat(request.sameRequestAs(new byte[] {1, 2})).isTrue();
        assertThat(request.sameRequestAs(new byte[] {1, 3})).isFalse();
        assertThat(request).isEqualTo(new ClientRequest("key-1", new byte[] {1, 2}));
        assertThatThrownBy(() -> new ClientRequest(" ", null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("requestId"));
        assertThatThrownBy(() -> new ClientRequest("k".repeat(ClientRequest.MAX_LENGTH + 1), null))
                .isInstanceOf(InvalidValue.class);
    }
}
