package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CannedTemplateTest {

    @Test
    void shouldFillInEveryKnownVariable() {
        CannedTemplate template = CannedTemplate.parse(
                "body", "{{customerName}} 様\nご注文 {{ orderNumber }} は {{trackingLink}} でご確認ください。{{shopName}}");

        String text = template.render(
                Map.of(
                        CannedVariable.CUSTOMER_NAME, "山田 花子",
                        CannedVariable.ORDER_NUMBER, "R-1001",
                        CannedVariable.TRACKING_LINK, "https://example.jp/t/1",
                        CannedVariable.SHOP_NAME, "さくら商店"),
                v -> "?");

        assertThat(text).isEqualTo("山田 花子 様\nご注文 R-1001 は https://example.jp/t/1 でご確認ください。さくら商店");
    }

    @Test
    void shouldRefuseAnUnknownVariableNamingItAndTheField() {
        assertThatThrownBy(() -> CannedTemplate.parse("body", "ご注文 {{orderNo}} について"))
                .isInstanceOfSatisfying(UnknownCannedVariable.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.name()).isEqualTo("orderNo");
                });
    }

    @Test
    void shouldPutThePlaceholderWhereAValueIsMissing() {
        String text =
                CannedTemplate.parse("body", "注文番号: {{orderNumber}}").render(Map.of(), v -> "［" + v.key() + "なし］");

        assertThat(text).isEqualTo("注文番号: ［orderNumberなし］");
    }

    @Test
    void shouldLeaveDollarSignsAndBackslashesInValuesAlone() {
        String text = CannedTemplate.parse("body", "{{customerName}}")
                .render(Map.of(CannedVariable.CUSTOMER_NAME, "$1 \\ 様"), v -> "?");

        assertThat(text).isEqualTo("$1 \\ 様");
    }

    @Test
    void shouldKnowWhichVariablesATextUses() {
        assertThat(CannedTemplate.parse("body", "{{shopName}} {{shopName}} {{reference}}")
                        .variables())
                .containsExactlyInAnyOrder(CannedVariable.SHOP_NAME, CannedVariable.REFERENCE);
    }
}
