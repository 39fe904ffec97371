package com.aftercare.web.api.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.domain.order.Milestone;
import com.aftercare.web.support.ShopifyStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Shopify payloads read as storefront events, without a server: the rules one at a time. */
class ShopifyMappingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ShopifyMapping.Context CONTEXT =
            new ShopifyMapping.Context("shopify:w-1", Instant.parse("2026-11-23T01:15:31Z"), gateways -> "COD");

    static <T> T read(String payload, Class<T> type) {
        return JSON.readValue(ShopifyStore.payload(payload), type);
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource({
        "家族にもばれたくない, はい, true",
        "discreet, true, true",
        "Discreet, Yes, true",
        "ｄｉｓｃｒｅｅｔ, ｏｎ, true",
        "discreet, no, false",
        "配達希望時間帯, はい, false"
    })
    void shouldShipDiscreetlyWhenTheCartAttributeSaysYes(String name, String value, boolean discreet) {
        assertThat(ShopifyOrderParts.discreet(List.of(new ShopifyPayloads.NoteAttribute(name, value))))
                .isEqualTo(discreet);
    }

    @Test
    void shouldWriteAJapaneseNameFamilyNameFirstAndAnyOtherGivenNameFirst() {
        assertThat(ShopifyCustomers.fullName("花子", "山田")).isEqualTo("山田 花子");
        assertThat(ShopifyCustomers.fullName("John", "Smith")).isEqualTo("John Smith");
        assertThat(ShopifyCustomers.fullName(null, "山田")).isEqualTo("山田");
        assertThat(ShopifyCustomers.fullName(" ", null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"subscribed, true", "unsubscribed, false", "redacted, false"})
    void shouldTakeShopifysConsentStatesThatAreADecision(String state, boolean granted) {
        StorefrontEvent.ConsentStatement statement = ShopifyCustomers.consent(new ShopifyPayloads.EmailMarketingConsent(
                state, "single_opt_in", java.time.OffsetDateTime.parse("2026-11-21T08:00:00+09:00")));

        assertThat(statement.granted()).isEqualTo(granted);
        assertThat(statement.decidedAt()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"not_subscribed", "pending", "invalid"})
    void shouldRecordNothingForAStateThatIsNoDecision(String state) {
        assertThat(ShopifyCustomers.consent(new ShopifyPayloads.EmailMarketingConsent(state, null, null)))
                .isNull();
    }

    @Test
    void shouldFindAFulfilmentsOrderByItsName() {
        ShopifyMapping.Result result = ShopifyMapping.map(
                ShopifyTopic.FULFILLMENTS_CREATE,
                read("fulfillments-create-partial", ShopifyPayloads.Fulfillment.class),
                CONTEXT);

        StorefrontEvent.OrderProgressed shipped =
                (StorefrontEvent.OrderProgressed) result.event().payload();
        assertThat(shipped.number().value()).as("#1001.1 is #1001's").isEqualTo("#1001");
        assertThat(shipped.milestone()).isEqualTo(Milestone.SHIPPED);
        assertThat(shipped.carrier()).isEqualTo("Yamato (JA)");
        assertThat(result.event().id()).isEqualTo("shopify:w-1");
    }

    @Test
    void shouldTakeTheRefundedMoneyFromTheSuccessfulRefundTransactions() {
        ShopifyMapping.Result result = ShopifyMapping.map(
                ShopifyTopic.REFUNDS_CREATE, read("refunds-create-partial", ShopifyPayloads.Refund.class), CONTEXT);

        StorefrontEvent.OrderRefunded refunded =
                (StorefrontEvent.OrderRefunded) result.event().payload();
        assertThat(refunded.amount()).isEqualByComparingTo("1800");
        assertThat(refunded.orderRef()).isEqualTo("5960481357001");
        assertThat(refunded.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("TS-001-M-NAVY");
            assertThat(line.quantity()).isEqualTo(1);
        });
    }

    @Test
    void shouldChangeNothingWhenThePayloadDoesNotShowWhatItsTopicClaims() {
        ShopifyPayloads.Order created = read("orders-create", ShopifyPayloads.Order.class);

        assertThat(ShopifyMapping.map(ShopifyTopic.ORDERS_CANCELLED, created, CONTEXT)
                        .ignoredBecause())
                .contains("cancelled_at");
        assertThat(ShopifyMapping.map(ShopifyTopic.ORDERS_PAID, created, CONTEXT)
                        .ignoredBecause())
                .contains("pending");
        assertThat(ShopifyMapping.map(ShopifyTopic.ORDERS_FULFILLED, created, CONTEXT)
                        .ignoredBecause())
                .contains("fulfillment_status");
    }

    @Test
    void shouldTellTheCatalogueEachLinesProductAndVariantTitle() {
        ShopifyPayloads.Order created = read("orders-create", ShopifyPayloads.Order.class);

        var lines = ShopifyOrderParts.lines(created.lineItems(), java.util.Currency.getInstance("JPY"));

        assertThat(lines.get(0).product()).isEqualTo("shopify-8120044510001");
        assertThat(lines.get(0).variant()).containsExactly(java.util.Map.entry("サイズ・カラー", "M / ネイビー"));
        assertThat(lines.get(1).product()).isEqualTo("shopify-8120044510002");
        assertThat(lines.get(1).variant()).isEmpty();
    }
}
