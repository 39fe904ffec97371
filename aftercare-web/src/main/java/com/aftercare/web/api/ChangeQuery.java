package com.aftercare.web.api;

import com.aftercare.domain.shared.ChangePage;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Keyset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paging parameters every list of the read API takes ({@code updatedSince}, {@code cursor},
 * {@code limit}), checked: a bad one is a 400 problem naming it, never a 500 or an empty page.
 *
 * <p>The cursor is opaque to callers: base64url of the last row's (updated at, id). Opaque so we
 * may change what it holds; it carries nothing a storefront could not see anyway (the id is only
 * ever compared within the caller's own rows).
 */
public record ChangeQuery(Instant updatedSince, Keyset after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private static final Pattern CURSOR = Pattern.compile("^v1:(-?[0-9]{1,19}):([0-9]{1,9}):([0-9]{1,19})$");

    public static ChangeQuery of(String updatedSince, String cursor, String limit) {
        return new ChangeQuery(since(updatedSince), decode(cursor), limit(limit));
    }

    /** The cursor of the page after {@code page}, or null when it was the last. */
    public static String nextCursor(ChangePage<?> page) {
        Keyset next = page.next();
        if (next == null) {
            return null;
        }
        String plain = "v1:" + next.updatedAt().getEpochSecond() + ":"
                + next.updatedAt().getNano() + ":" + next.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant since;
        try {
            since = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValue(
                    "updatedSince", "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T00:00:00Z");
        }
        if (!withinRange(since)) {
            throw new InvalidValue("updatedSince", "must be between 1970 and 9999");
        }
        return since;
    }

    /** What a timestamp column and java.sql.Timestamp both hold; anything else is not a change time. */
    private static boolean withinRange(Instant at) {
        return !at.isBefore(EARLIEST) && at.isBefore(LATEST);
    }

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = java.time.LocalDate.of(10000, 1, 1)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();

    private static Keyset decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            Matcher m = CURSOR.matcher(plain);
            if (m.matches()) {
                Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                if (withinRange(at)) {
                    return new Keyset(at, Long.parseLong(m.group(3)));
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            // falls through to the one refusal below
        }
        throw new InvalidValue("cursor", "is not a cursor this API gave out; start again without it");
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new InvalidValue("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
