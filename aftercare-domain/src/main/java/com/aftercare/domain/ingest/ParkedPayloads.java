package com.aftercare.domain.ingest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of an event kept for later, as JSON in {@code inbound_event.detail}: a refund or a
 * consent needs more than the carrier and tracking number that a waiting milestone keeps. Read
 * back through the records' own constructors, so what comes back is checked again.
 */
final class ParkedPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ParkedPayloads() {}

    /** The payload as JSON, or null for the kinds that wait without one. */
    static String of(StorefrontEvent.Payload payload) {
        if (payload instanceof StorefrontEvent.OrderRefunded || payload instanceof StorefrontEvent.ConsentChanged) {
            return JSON.writeValueAsString(payload);
        }
        return null;
    }

    static <T extends StorefrontEvent.Payload> T read(String detail, Class<T> type) {
        if (detail == null) {
            throw new IllegalStateException("A waiting " + type.getSimpleName() + " lost its detail");
        }
        return JSON.readValue(detail, type);
    }
}
