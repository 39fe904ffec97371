package com.aftercare.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonalFieldsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String PLACED = """
            {"id": "evt-1", "type": "order.placed", "occurredAt": "2026-11-23T10:15:30+09:00",
             "order": {"number": "R-1", "currency": "JPY",
               "customer": {"id": "CUST-9", "email": "taro@example.jp", "name": "消去 太郎", "nameKana": "ショウキョ タロウ",
                            "phone": "090-1111-2222", "marketingConsent": {"granted": true, "wording": "お得な情報"}},
               "lines": [{"sku": "TS-1", "name": "オーガニックコットンTシャツ", "category": "apparel", "quantity": 2, "unitPrice": 1800}],
               "shippingFee": 550, "paymentMethod": "CARD",
               "shipping": {"recipientName": "消去 太郎", "phone": null, "postalCode": "150-0001", "prefecture": "東京都",
                            "address": "渋谷区神宮前1-2-3", "trackingNumber": "1234-5678", "carrier": "yamato"},
               "memo": "太郎さんより: 消去 太郎 宛て"}}
            """;

    @Test
    void shouldTakeThePersonOutOfAnOrderWhileItsFiguresStay() {
        JsonNode order =
                JSON.readTree(PersonalFields.redact(PLACED, List.of("消去 太郎"))).get("order");

        assertThat(order.get("customer").get("id").asString()).isEqualTo("[erased]");
        assertThat(order.get("customer").get("email").asString()).isEqualTo("[erased]");
        assertThat(order.get("customer").get("name").asString()).isEqualTo("[erased]");
        assertThat(order.get("customer").get("nameKana").asString()).isEqualTo("[erased]");
        assertThat(order.get("customer").get("phone").asString()).isEqualTo("[erased]");
        assertThat(order.get("shipping").get("recipientName").asString()).isEqualTo("[erased]");
        assertThat(order.get("shipping").get("postalCode").asString()).isEqualTo("[erased]");
        assertThat(order.get("shipping").get("address").asString()).isEqualTo("[erased]");
        assertThat(order.get("shipping").get("trackingNumber").asString()).isEqualTo("[erased]");
        assertThat(order.get("shipping").get("phone").isNull())
                .as("an absent value stays absent")
                .isTrue();
        assertThat(order.get("memo").asString()).as("a text quoting the person").isEqualTo("[erased]");

        assertThat(order.get("number").asString()).isEqualTo("R-1");
        assertThat(order.get("shippingFee").asInt()).isEqualTo(550);
        assertThat(order.get("paymentMethod").asString()).isEqualTo("CARD");
        assertThat(order.get("shipping").get("prefecture").asString()).isEqualTo("東京都");
        assertThat(order.get("shipping").get("carrier").asString()).isEqualTo("yamato");
        assertThat(order.get("customer").get("marketingConsent").get("granted").asBoolean())
                .isTrue();
        JsonNode line = order.get("lines").get(0);
        assertThat(line.get("name").asString())
                .as("a product's name is no person's")
                .isEqualTo("オーガニックコットンTシャツ");
        assertThat(line.get("sku").asString()).isEqualTo("TS-1");
        assertThat(line.get("quantity").asInt()).isEqualTo(2);
        assertThat(line.get("unitPrice").asInt()).isEqualTo(1800);
    }

    @Test
    void shouldKnowShopifysSpellingOfAPerson() {
        String order = """
                {"id": 820982911946154508, "name": "#1001", "total_price": "6550", "contact_email": "a@example.jp",
                 "browser_ip": "192.0.2.1", "note_attributes": [{"name": "配達希望時間帯", "value": "午前"}],
                 "customer": {"id": 115310627314723954, "first_name": "太郎", "last_name": "消去",
                   "default_address": {"id": 1, "customer_id": 115310627314723954, "address1": "神宮前1-2-3", "zip": "150-0001",
                                       "province": "東京都", "country_code": "JP"}},
                 "line_items": [{"id": 866550311766439020, "sku": "TS-1", "name": "Tシャツ - M", "title": "Tシャツ",
                                 "quantity": 1, "price": "1800"}],
                 "shipping_address": {"first_name": "太郎", "last_name": "消去", "latitude": 35.6, "longitude": 139.7,
                                      "province": "東京都"}}
                """;

        JsonNode redacted = JSON.readTree(PersonalFields.redact(order, List.of()));

        assertThat(redacted.toString())
                .doesNotContain("太郎", "消去", "a@example.jp", "192.0.2.1", "神宮前", "115310627314723954", "35.6")
                .contains("\"total_price\":\"6550\"", "東京都", "Tシャツ - M", "866550311766439020");
        assertThat(redacted.get("id").asLong()).as("the order's id").isEqualTo(820982911946154508L);
    }

    @Test
    void shouldFindAPhoneKnownAsDigitsHoweverItWasWritten() {
        assertThat(PersonalFields.withoutQuotes(
                        "12/05 090-1111-2222 と 090 1111 2222 と 09011112222、taro@example.jp より",
                        List.of("taro@example.jp", "09011112222")))
                .isEqualTo("12/05 [erased] と [erased] と [erased]、[erased] より");
    }

    @Test
    void shouldLeaveNullAsNull() {
        assertThat(PersonalFields.redact(null, List.of("x"))).isNull();
    }
}
