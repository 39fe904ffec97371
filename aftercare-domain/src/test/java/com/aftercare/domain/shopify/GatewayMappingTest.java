package com.aftercare.domain.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayMappingTest {

    @Test
    void shouldMapTheFirstGatewayItKnowsWhateverTheCaseOrWidth() {
        assertThat(GatewayMapping.methodFor(GatewayMapping.DEFAULTS, List.of("gift_card", "代金引換")))
                .isEqualTo("COD");
        assertThat(GatewayMapping.methodFor(GatewayMapping.DEFAULTS, List.of(" SHOPIFY_PAYMENTS ")))
                .isEqualTo("CARD");
        assertThat(GatewayMapping.methodFor(
                        List.of(new GatewayMapping.Gateway("コンビニ決済(ペイジー)", "KONBINI")), List.of("コンビニ決済（ペイジー）")))
                .as("full-width brackets")
                .isEqualTo("KONBINI");
    }

    @Test
    void shouldKnowNoMethodForAGatewayNobodyMapped() {
        assertThat(GatewayMapping.methodFor(GatewayMapping.DEFAULTS, List.of("manual")))
                .isNull();
        assertThat(GatewayMapping.methodFor(GatewayMapping.DEFAULTS, null)).isNull();
    }

    @Test
    void shouldRefuseAGatewayListedTwiceOrAnUnknownMethod() {
        List<GatewayMapping.Gateway> twice =
                List.of(new GatewayMapping.Gateway("代金引換", "COD"), new GatewayMapping.Gateway(" 代金引換", "OTHER"));

        assertThatThrownBy(() -> GatewayMapping.requireDistinct(twice))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("gateways[1].name"));
        assertThatThrownBy(() -> new GatewayMapping.Gateway("代金引換", "CASH"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("paymentMethod"));
        assertThatThrownBy(() -> new GatewayMapping.Gateway(" ", "COD"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
