package com.aftercare.domain.mail;

import java.time.Instant;

/**
 * An address that is bouncing now: nothing is mailed to it until an operator clears it.
 *
 * @param source where we learned it: {@code smtp} (the dispatcher's 5xx) or {@code dsn} (a
 *     delivery report that came back by mail)
 */
public record BouncingAddress(String address, String reason, String source, Instant bouncedAt) {}
