package com.aftercare.domain.mail;

import java.time.Instant;

/** One mail as the delivery log lists it: never its body. */
public record MailDelivery(
        long id,
        String template,
        String kind,
        String to,
        String subject,
        String status,
        int attempts,
        String lastError,
        Instant dueAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String messageId) {}
