package com.aftercare.returns.rules;

import java.util.Objects;

/**
 * One of a storefront's automatic approval rules: tried in {@code position} order (then by id),
 * the first whose conditions hold decides.
 *
 * @param reasonJa what a rejected customer reads, in Japanese; null unless the action is REJECT
 * @param reasonEn the same in English
 */
public record ApprovalRule(
        long id, int position, String name, RuleConditions when, RuleAction action, String reasonJa, String reasonEn) {

    public ApprovalRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(action, "action");
    }

    /** The customer's reason in their mail language ({@code ja} or {@code en}; Japanese otherwise). */
    public String reasonFor(String language) {
        return "en".equals(language) ? reasonEn : reasonJa;
    }
}
