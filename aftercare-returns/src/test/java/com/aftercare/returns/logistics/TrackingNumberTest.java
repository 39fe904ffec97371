package com.aftercare.returns.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class TrackingNumberTest {

    @Test
    void shouldKeepDigitsOnlyFromWhatACustomerTypes() {
        assertThat(TrackingNumber.typed("1234-5678-9012").value()).isEqualTo("123456789012");
        assertThat(TrackingNumber.typed(" １２３４ ５６７８ ９０１２ ").value()).isEqualTo("123456789012");
        assertThat(TrackingNumber.typed("12345678901").value()).isEqualTo("12345678901");
    }

    @Test
    void shouldRefuseWhatIsNotTenToFourteenDigits() {
        for (String bad :
                new String[] {null, "", "123456789", "123456789012345", "1234-abcd-9012", "RMA-2025-000001"}) {
            assertThatThrownBy(() -> TrackingNumber.typed(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(
                            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("trackingNumber"));
        }
    }
}
