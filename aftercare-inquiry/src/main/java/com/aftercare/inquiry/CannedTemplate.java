package com.aftercare.inquiry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canned response's text with its {@code {{variables}}}: checked once when saved (an unknown
 * name is refused then, not discovered while an operator is answering a customer), filled in for
 * one inquiry when used. Hand-written rather than a template engine: the language is five names in
 * double braces, and an engine would bring loops, escaping rules and expressions nobody should put
 * in a customer reply.
 */
final class CannedTemplate {

    /** {{ name }}; whitespace inside the braces is forgiven. */
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final String text;

    private CannedTemplate(String text) {
        this.text = text;
    }

    /** The text, refused on {@code field} when it names a variable that does not exist. */
    static CannedTemplate parse(String field, String text) {
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (CannedVariable.byKey(m.group(1)).isEmpty()) {
                throw new UnknownCannedVariable(field, m.group(1));
            }
        }
        return new CannedTemplate(text);
    }

    Set<CannedVariable> variables() {
        Set<CannedVariable> used = EnumSet.noneOf(CannedVariable.class);
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            CannedVariable.byKey(m.group(1)).ifPresent(used::add);
        }
        return used;
    }

    /**
     * The text with every variable replaced: by its value, or, when the inquiry has none (no
     * order, not shipped yet), by what {@code missing} says, so the operator sees the gap.
     */
    String render(Map<CannedVariable, String> values, Function<CannedVariable, String> missing) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            CannedVariable variable = CannedVariable.byKey(m.group(1)).orElseThrow();
            String value = values.get(variable);
            m.appendReplacement(
                    out, Matcher.quoteReplacement(value == null || value.isBlank() ? missing.apply(variable) : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
