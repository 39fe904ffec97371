package com.aftercare.returns.rules;

import com.aftercare.domain.shared.InvalidValue;

/**
 * An inclusive range of a whole number a rule asks for ("¥0 to ¥5,000", "at most 7 days"); a
 * missing end is open.
 */
public record Bounds(Long min, Long max) {

    public static final Bounds ANY = new Bounds(null, null);

    /**
     * @param field the form field of the lower end, which a refusal names ({@code <field>} or the
     *     upper end's)
     */
    public static Bounds of(String minField, Long min, String maxField, Long max, long limit) {
        if (min != null && (min < 0 || min > limit)) {
            throw new InvalidValue(minField, "must be 0-" + limit);
        }
        if (max != null && (max < 0 || max > limit)) {
            throw new InvalidValue(maxField, "must be 0-" + limit);
        }
        if (min != null && max != null && min > max) {
            throw new InvalidValue(maxField, "must not be below " + min);
        }
        return new Bounds(min, max);
    }

    public boolean isAny() {
        return min == null && max == null;
    }

    /** Whether {@code value} lies within; an unknown value is within only open bounds. */
    public boolean holds(Long value) {
        if (isAny()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
