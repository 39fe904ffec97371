package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.RefundAmounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a claim's mail template gets, without SMTP or a template engine. */
class ClaimMailTest {

    private static final ClaimView.Line MUG =
            new ClaimView.Line(1, "MUG-1", "有田焼マグカップ", "kitchen", 2, 1800, 3600, null);

    private static ClaimMail.Facts refunded(RefundRoute route, RefundAmounts refund) {
        return new ClaimMail.Facts(
                "RMA-2026-000001",
                RequestType.RETURN,
                ClaimStatus.REFUNDED,
                List.of(MUG),
                false,
                null,
                null,
                Payer.CUSTOMER,
                null,
                route,
                refund,
                null,
                null);
    }

    private static ClaimMail.Context context(boolean discreet) {
        return new ClaimMail.Context("山田 花子", "A-1001", discreet, "テスト商店", "https://shop.example/portal");
    }

    @Test
    void shouldListTheClaimedLinesOfAnOrdinaryOrder() {
        Map<String, Object> variables = ClaimMail.variables(
                refunded(RefundRoute.TO_PAYMENT, new RefundAmounts(3600, 360, 0, 3240)), context(false), "ja");

        assertThat(variables.get("lines")).isEqualTo(List.of(Map.of("name", "有田焼マグカップ", "quantity", 2)));
        assertThat(variables)
                .containsEntry("requestType", "返品")
                .containsEntry("refundTotal", "¥3,240")
                .containsEntry("restockingFee", "¥360")
                .containsEntry("returnShippingFee", "")
                .containsEntry("bankTransfer", false)
                .containsEntry("storeCredit", false);
    }

    @Test
    void shouldNameNoProductOfADiscreetOrder() {
        Map<String, Object> variables = ClaimMail.variables(
                refunded(RefundRoute.BANK_TRANSFER, new RefundAmounts(3600, 0, 0, 3600)), context(true), "ja");

        assertThat(variables.get("lines")).isEqualTo(List.of());
        assertThat(variables.values()).noneMatch(v -> String.valueOf(v).contains("マグカップ"));
        assertThat(variables).containsEntry("bankTransfer", true);
    }

    @Test
    void shouldNameTheRequestInTheMailsLanguage() {
        assertThat(ClaimMail.typeLabel(RequestType.WARRANTY_REPAIR, "ja")).isEqualTo("修理");
        assertThat(ClaimMail.typeLabel(RequestType.WARRANTY_REPAIR, "en")).isEqualTo("repair");
        assertThat(ClaimMail.template(ClaimStatus.QUOTE_DECLINED)).isEqualTo("claim-quote-declined");
        assertThat(ClaimMail.dedupKey("RMA-2026-000001", ClaimStatus.APPROVED))
                .isEqualTo("claim:RMA-2026-000001:APPROVED");
    }
}
