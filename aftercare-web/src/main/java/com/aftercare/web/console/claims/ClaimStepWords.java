package com.aftercare.web.console.claims;

import com.aftercare.returns.ClaimView;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A claim history step's note in the operator's language. Most notes are what an operator wrote
 * and are shown as written; the claim writes two shapes itself ({@code Claim}): a refund as
 * {@code ¥<amount> <RefundRoute>}, and the customer's answer to a quote ({@code quote accepted},
 * {@code quote declined}). Those are said through {@code refundRoute.<ROUTE>} and
 * {@code claim.history.quote.<answer>}. Templates call it as {@code ${@claimStepWords.note(step)}}.
 */
@Component("claimStepWords")
public class ClaimStepWords {

    private static final Pattern REFUND = Pattern.compile("(¥\\d+) ([A-Z_]+)");
    private static final Pattern QUOTE_ANSWER = Pattern.compile("quote (accepted|declined)");

    private final MessageSource messages;

    ClaimStepWords(MessageSource messages) {
        this.messages = messages;
    }

    public String note(ClaimView.Step step) {
        String note = step.note();
        if (note == null) {
            return null;
        }
        Matcher refund = REFUND.matcher(note);
        if (refund.matches()) {
            String route = optional("refundRoute." + refund.group(2));
            return route == null ? note : refund.group(1) + " / " + route;
        }
        Matcher answer = QUOTE_ANSWER.matcher(note);
        if (answer.matches()) {
            String words = optional("claim.history.quote." + answer.group(1));
            return words == null ? note : words;
        }
        return note;
    }

    private String optional(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, null, locale);
    }
}
