package com.aftercare.web.api.shopify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The parts of Shopify's webhook payloads that Aftercare reads, named as Shopify names them
 * (docs/integrations-shopify.md says where each shape is documented). Everything else a payload
 * carries is ignored. Shopify writes amounts as strings ("1800.00"), so they stay strings until
 * they are read as exact decimals.
 */
final class ShopifyPayloads {

    private ShopifyPayloads() {}

    /** orders/create, orders/paid, orders/fulfilled, orders/cancelled: the whole order each time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Order(
            Long id,
            String name,
            String email,
            String contactEmail,
            String phone,
            String currency,
            String financialStatus,
            String fulfillmentStatus,
            OffsetDateTime createdAt,
            OffsetDateTime processedAt,
            OffsetDateTime updatedAt,
            OffsetDateTime cancelledAt,
            String totalDiscounts,
            MoneySet totalShippingPriceSet,
            List<ShippingLine> shippingLines,
            List<LineItem> lineItems,
            List<String> paymentGatewayNames,
            List<NoteAttribute> noteAttributes,
            Customer customer,
            Address shippingAddress,
            Address billingAddress,
            List<Fulfillment> fulfillments) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LineItem(
            Long id,
            Long variantId,
            Long productId,
            String sku,
            String title,
            String variantTitle,
            String name,
            Integer quantity,
            String price) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ShippingLine(String price) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MoneySet(Money shopMoney) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Money(String amount, String currencyCode) {}

    /** A cart attribute the customer filled in at checkout. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NoteAttribute(String name, String value) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Address(
            String name,
            String firstName,
            String lastName,
            String zip,
            String province,
            String city,
            String address1,
            String address2,
            String phone,
            String countryCode) {}

    /** customers/create, customers/update, and the customer inside an order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Customer(
            Long id,
            String email,
            String firstName,
            String lastName,
            String phone,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            EmailMarketingConsent emailMarketingConsent,
            Address defaultAddress) {}

    /** Inside the customer in older API versions; on its own in customers_email_marketing_consent/update. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EmailMarketingConsent(String state, String optInLevel, OffsetDateTime consentUpdatedAt) {}

    /** customers_email_marketing_consent/update. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConsentUpdate(Long customerId, String emailAddress, EmailMarketingConsent emailMarketingConsent) {}

    /** fulfillments/create, fulfillments/update, and each fulfilment inside an order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Fulfillment(
            Long id,
            Long orderId,
            String name,
            String status,
            String shipmentStatus,
            String trackingCompany,
            String trackingNumber,
            List<String> trackingNumbers,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** refunds/create. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Refund(
            Long id,
            Long orderId,
            String note,
            OffsetDateTime createdAt,
            OffsetDateTime processedAt,
            List<RefundLineItem> refundLineItems,
            List<Transaction> transactions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RefundLineItem(Integer quantity, LineItem lineItem) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Transaction(String kind, String status, String amount) {}
}
