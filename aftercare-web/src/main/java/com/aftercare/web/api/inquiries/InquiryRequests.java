package com.aftercare.web.api.inquiries;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Inquiry requests as they arrive on the wire. Never bound to an entity. */
final class InquiryRequests {

    private InquiryRequests() {}

    @Schema(name = "NewInquiry", description = "A customer's inquiry, as the storefront's contact form or chat took it")
    record OpenInquiryRequest(
            @Schema(
                    description = "How the customer reached the storefront",
                    allowableValues = {"PHONE", "EMAIL", "CHAT", "VISIT", "WEB_FORM"},
                    example = "WEB_FORM")
            @NotBlank
            String channel,

            @NotNull @Valid CustomerPayload customer,

            @Schema(description = "The storefront's order this is about, if any", example = "R-20261123-0001")
            String orderNumber,

            @Schema(
                    description = "What it is about; default OTHER",
                    allowableValues = {"SHIPPING", "PRODUCT", "RETURN", "PAYMENT", "OTHER"},
                    example = "SHIPPING")
            String category,

            @Schema(description = "One line, at most 200 characters", example = "お届け日の変更について") @NotBlank
            String subject,

            @Schema(
                    description =
                            "What the customer wrote: at most 20,000 characters, line breaks kept; HTML is stored as text",
                    example = "12月1日の午前中に変更できますか。")
            @NotBlank
            String body,

            @Schema(
                    description =
                            "Only for channel CHAT: the storefront's own ids of the chat, handed back with every operator "
                                    + "reply (webhook inquiry.message_sent)")
            @Valid
            ChatPayload chat) {}

    @Schema(name = "InquiryChat")
    record ChatPayload(
            @Schema(description = "Your chat conversation's id, at most 200 characters", example = "conv_8f3a2")
            String conversationId,

            @Schema(description = "Your id of the customer, at most 200 characters", example = "cust_1042")
            String customerId) {}

    @Schema(name = "InquiryCustomer")
    record CustomerPayload(
            @Schema(example = "hanako@example.jp") @NotBlank String email,
            @Schema(example = "山田 花子") @NotBlank String name,
            @Schema(example = "090-1234-5678") String phone) {}

    @Schema(name = "NewInquiryMessage", description = "The customer wrote again")
    record AddMessageRequest(
            @Schema(description = "At most 20,000 characters", example = "午後でも大丈夫です。") @NotBlank
            String body,

            @Schema(description = "The name the customer signed with, shown to operators", example = "山田 花子")
            String author) {}
}
