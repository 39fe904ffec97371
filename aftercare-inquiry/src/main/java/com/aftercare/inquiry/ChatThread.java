package com.aftercare.inquiry;

import com.aftercare.domain.shared.InvalidValue;

/**
 * The storefront's own names for a chat: its conversation and its customer, as its chat widget
 * knows them. Sent with a CHAT inquiry and handed back with every operator reply
 * ({@code inquiry.message_sent}), so the storefront shows the answer in the right window without
 * keeping our references. Either may be absent; blank counts as absent.
 */
public record ChatThread(String conversationId, String customerId) {

    static final int MAX = 200;

    public ChatThread {
        conversationId = checked("chat.conversationId", conversationId);
        customerId = checked("chat.customerId", customerId);
    }

    /** Null when the storefront named neither. */
    public static ChatThread of(String conversationId, String customerId) {
        ChatThread thread = new ChatThread(conversationId, customerId);
        return thread.conversationId() == null && thread.customerId() == null ? null : thread;
    }

    private static String checked(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX || v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValue(field, "must be at most " + MAX + " characters on one line");
        }
        return v;
    }
}
