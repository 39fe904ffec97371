package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.TrailView;
import com.aftercare.web.console.OperatorNames;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says in the operator's language what the inquiry module keeps as codes: an early warning's flag
 * ({@code inquiry.flag.code.<CODE>}) and the trail's details, whose shape is fixed per entry type
 * ({@code via EMAIL}, {@code NEW -> OPEN}, {@code NORMAL → URGENT}, {@code CODE:argument}, a
 * username). Anything else, such as an operator's own flag reason, is shown as it was written.
 * Templates call it as {@code ${@inquiryWords.…}}.
 */
@Component("inquiryWords")
public class InquiryWords {

    private static final Pattern VIA = Pattern.compile("via ([A-Z_]+)");
    private static final Pattern CHANGE = Pattern.compile("([A-Z_]+) (?:->|→) ([A-Z_]+)");
    private static final Pattern WARNING = Pattern.compile("([A-Z_]+):(.*)");
    // Assignment's shapes: "to team T", "to NAME (team T)", "to NAME"
    private static final Pattern TO_TEAM = Pattern.compile("to team (.+)");
    private static final Pattern TO_OPERATOR_IN_TEAM = Pattern.compile("to (\\S+) \\(team (.+)\\)");
    private static final Pattern TO_OPERATOR = Pattern.compile("to (\\S+)");

    private final MessageSource messages;
    private final OperatorNames operators;

    InquiryWords(MessageSource messages, OperatorNames operators) {
        this.messages = messages;
        this.operators = operators;
    }

    /** Why the inquiry is flagged: an early warning in words, or the operator's own reason. */
    public String flagReason(InquiryView inquiry) {
        if (inquiry.flagCode() == null) {
            return inquiry.flagReason();
        }
        return say("inquiry.flag.code." + inquiry.flagCode(), inquiry.flagReason(), inquiry.flagReason());
    }

    /** Who did it: an operator's display name, or the desk itself in words (the early warning). */
    public String actor(String actor) {
        String system = actor == null ? null : optional("trail.actor." + actor);
        return system != null ? system : operators.of(actor);
    }

    /** What the trail entry adds, in words. */
    public String trailDetail(TrailView entry) {
        String detail = entry.detail();
        if (detail == null) {
            return null;
        }
        return switch (entry.type()) {
            case "CREATED" -> matched(VIA.matcher(detail), m -> word("channel.", m.group(1)), detail);
            case "STATUS_CHANGED" ->
                matched(
                        CHANGE.matcher(detail),
                        m -> word("inquiryStatus.", m.group(1)) + " → " + word("inquiryStatus.", m.group(2)),
                        detail);
            case "PRIORITY_CHANGED" ->
                matched(
                        CHANGE.matcher(detail),
                        m -> word("priority.", m.group(1)) + " → " + word("priority.", m.group(2)),
                        detail);
            case "FLAGGED" ->
                matched(
                        WARNING.matcher(detail),
                        m -> say("inquiry.flag.code." + m.group(1), detail, m.group(2)),
                        detail);
            case "ASSIGNED" -> assignedTo(detail);
            default -> detail;
        };
    }

    private String assignedTo(String detail) {
        Matcher team = TO_TEAM.matcher(detail);
        if (team.matches()) {
            return say("trail.assigned.team", detail, team.group(1));
        }
        Matcher inTeam = TO_OPERATOR_IN_TEAM.matcher(detail);
        if (inTeam.matches()) {
            return say("trail.assigned.operatorInTeam", detail, operators.of(inTeam.group(1)), inTeam.group(2));
        }
        return matched(TO_OPERATOR.matcher(detail), m -> operators.of(m.group(1)), detail);
    }

    private static String matched(Matcher m, java.util.function.Function<Matcher, String> words, String asIs) {
        return m.matches() ? words.apply(m) : asIs;
    }

    /** The code's label, or the code itself when no message has it (never an error on the page). */
    private String word(String prefix, String code) {
        String label = optional(prefix + code);
        return label != null ? label : code;
    }

    /** The message with its arguments, or {@code otherwise} when no message has the key. */
    private String say(String key, String otherwise, Object... arguments) {
        try {
            return messages.getMessage(key, arguments, locale());
        } catch (NoSuchMessageException e) {
            return otherwise;
        }
    }

    private String optional(String key) {
        return messages.getMessage(key, null, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
