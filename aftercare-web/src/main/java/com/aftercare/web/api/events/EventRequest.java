package com.aftercare.web.api.events;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One storefront event as it arrives on the wire. Never bound to an entity. */
@Schema(name = "Event", description = "One order or customer event from a storefront")
record EventRequest(
        @Schema(
                description = "The storefront's own id of this event; retries must reuse it",
                example = "evt-20261123-0001",
                maxLength = 200)
        @NotBlank
        @Size(max = 200)
        String id,

        @Schema(
                description = "What happened",
                allowableValues = {
                    "order.placed",
                    "order.paid",
                    "order.shipped",
                    "order.delivered",
                    "order.cancelled",
                    "customer.registered",
                    "coupon.redeemed"
                })
        @NotBlank
        String type,

        @Schema(
                description = "When it happened at the storefront, ISO-8601 with offset",
                example = "2026-11-23T10:15:30+09:00")
        @NotNull
        OffsetDateTime occurredAt,

        @Schema(description = "The order; required for order.* events (only `number` for events after order.placed)")
        @Valid
        OrderPayload order,

        @Schema(description = "The customer; required for customer.registered") @Valid
        CustomerPayload customer,

        @Schema(description = "The code used; required for coupon.redeemed (with `order.number`)") @Valid
        CouponPayload coupon) {

    @Schema(name = "EventCoupon")
    record CouponPayload(
            @Schema(
                    description = "The code as the customer entered it (dashes, case and width do not matter)",
                    example = "ABCD-EFGH-JKLM")
            @NotBlank
            String code,

            @Schema(description = "Yen taken off the order with the code", example = "500") @NotNull @Positive
            Long discount,

            @Schema(
                    description = "What the order came to after the discount, in yen (the revenue the coupon brought)",
                    example = "4780")
            @PositiveOrZero
            Long orderTotal) {}

    @Schema(name = "EventOrder")
    record OrderPayload(
            @Schema(description = "The storefront's order number", example = "R-20261123-0001") @NotBlank
            String number,

            @Schema(description = "Required for order.placed") @Valid
            CustomerPayload customer,

            @Schema(description = "ISO 4217 code; default JPY", example = "JPY")
            String currency,

            @Schema(description = "Required for order.placed, at least one line")
            List<@NotNull @Valid LinePayload> lines,

            @Schema(description = "Shipping fee in minor units (yen)", example = "550") @PositiveOrZero
            Long shippingFee,

            @Schema(description = "Discount in minor units (yen)", example = "0") @PositiveOrZero
            Long discount,

            @Schema(
                    description = "How the customer paid",
                    allowableValues = {"CARD", "ONLINE", "COD", "KONBINI", "BANK_TRANSFER", "OTHER"})
            String paymentMethod,

            @Valid ShippingPayload shipping) {}

    @Schema(name = "EventCustomer")
    record CustomerPayload(
            @Schema(example = "hanako@example.jp") @NotBlank String email,
            @Schema(example = "山田 花子") @NotBlank String name,
            @Schema(example = "ヤマダ ハナコ") String nameKana,
            @Schema(example = "090-1234-5678") String phone,

            @Schema(description = "The storefront's own customer id", example = "C-1001")
            String id,

            @Schema(description = "What the customer chose about promotional mail (メルマガ) at the storefront, when asked")
            @Valid
            ConsentPayload marketingConsent) {}

    @Schema(name = "EventMarketingConsent")
    record ConsentPayload(
            @Schema(description = "true: agreed to promotional mail; false: declined or opted out") @NotNull
            Boolean granted,

            @Schema(
                    description = "The consent text the customer saw (kept as the legal record); required when granted",
                    example = "ショップからのお得な情報をメールで受け取る")
            String wording) {}

    @Schema(name = "EventLine")
    record LinePayload(
            @Schema(example = "TS-001-M-NAVY") @NotBlank String sku,

            @Schema(example = "オーガニックコットンTシャツ M ネイビー") @NotBlank
            String name,

            @Schema(example = "apparel") String category,

            @Schema(example = "1", minimum = "1") @NotNull @Positive
            Integer quantity,

            @Schema(description = "Unit price in minor units (yen)", example = "1800") @NotNull @PositiveOrZero
            Long unitPrice,

            @Schema(
                    description = "The storefront's code of the product this SKU is a variant of: the SKUs of one "
                            + "product in every size and colour share it, and an exchange is offered among them",
                    example = "TS-001",
                    maxLength = 64)
            String product,

            @Schema(
                    description =
                            "What sets this variant apart, attribute name to value, at most 5 "
                                    + "(names up to 50, values up to 100 characters); shown to the customer choosing an exchange",
                    example = "{\"サイズ\": \"M\", \"カラー\": \"ネイビー\"}")
            Map<String, String> variant) {}

    @Schema(name = "EventShipping")
    record ShippingPayload(
            @Schema(
                    description = "Ship in a plain box and never name the products to anyone (家族にもばれたくない)",
                    defaultValue = "false")
            Boolean discreet,

            @Schema(example = "山田 花子") String recipientName,
            @Schema(example = "150-0001") String postalCode,
            @Schema(example = "東京都") String prefecture,
            @Schema(example = "渋谷区神宮前1-2-3") String address,
            @Schema(example = "090-1234-5678") String phone,

            @Schema(description = "For order.shipped", example = "yamato")
            String carrier,

            @Schema(description = "For order.shipped", example = "1234-5678-9012")
            String trackingNumber) {}
}
