package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in a currency's minor units (yen have none, so 1800 means ¥1,800).
 * Never floating point.
 */
public record Money(long minor, Currency currency) {

    public static final Currency JPY = Currency.getInstance("JPY");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money yen(long amount) {
        return new Money(amount, JPY);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue("currency", "is not an ISO 4217 currency code");
        }
    }

    /**
     * An amount written in major units ("1800", "1800.00", "12.50"), exactly: more decimals than
     * the currency has (¥0.5) is refused on {@code field}.
     */
    public static Money ofMajor(java.math.BigDecimal amount, Currency currency, String field) {
        Objects.requireNonNull(amount, "amount");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            return new Money(amount.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new InvalidValue(field, "must be a whole number of " + currency.getCurrencyCode() + " minor units");
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    /** As customers read it: ¥1,800 for yen, the code and decimals otherwise (USD 12.50). */
    public String formatted() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (JPY.equals(currency)) {
            // by hand, not String.format: every amount of every order mail passes here (3 % of the
            // thank-you listener's CPU went to parsing the format string)
            return (minor < 0 ? "-¥" : "¥") + grouped(Long.toString(minor).replace("-", ""));
        }
        java.math.BigDecimal major = java.math.BigDecimal.valueOf(minor, digits);
        return currency.getCurrencyCode() + " " + String.format(java.util.Locale.ROOT, "%,." + digits + "f", major);
    }

    /** "1234567" → "1,234,567" */
    private static String grouped(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    public boolean isNegative() {
        return minor < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
        }
    }
}
