package com.aftercare.inquiry;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What must hold for an automation to act; every condition left empty (null) matches anything.
 * Words match when any one of them is in what the customer wrote, compared after NFKC and lower
 * case (full- and half-width alike, as {@link EarlyWarning} does).
 *
 * @param words words separated by commas, 、 or line breaks
 * @param minCustomerValue yen: the customer's orders (not cancelled) add up to at least this
 * @param time only for a time rule
 */
public record AutomationConditions(
        InquiryStatus status,
        Channel channel,
        Category category,
        Priority priority,
        Long storefront,
        String words,
        Long minCustomerValue,
        AutomationTime time) {

    /** The longest list of words. */
    public static final int MAX_WORDS = 500;

    /** The words one by one, normalised; empty when there are none. */
    public List<String> wordList() {
        if (words == null) {
            return List.of();
        }
        return Arrays.stream(normalise(words).split("[,、，\\n]"))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
    }

    /** Whether the inquiry meets every condition now (the time one included, when there is one). */
    boolean matches(InquiryFacts facts, Instant now, SlaPolicy sla) {
        return (status == null || status == facts.status())
                && (channel == null || channel == facts.channel())
                && (category == null || category == facts.category())
                && (priority == null || priority == facts.priority())
                && (storefront == null || storefront.equals(facts.storefrontId()))
                && (minCustomerValue == null || facts.customerValue() >= minCustomerValue)
                && wordsMatch(facts.customerText())
                && (time == null || time.reached(facts, now, sla));
    }

    private boolean wordsMatch(String text) {
        List<String> list = wordList();
        if (list.isEmpty()) {
            return true;
        }
        String normalised = normalise(text == null ? "" : text);
        return list.stream().anyMatch(normalised::contains);
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
