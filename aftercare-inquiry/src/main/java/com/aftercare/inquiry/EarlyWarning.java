package com.aftercare.inquiry;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finding unhappy customers early (不満の早期発見): words of complaint in what a customer writes,
 * and a second contact about the same order within a week. A flagged inquiry goes to the top of
 * the queue; a low satisfaction score flags it too ({@link SatisfactionSurvey}). A warning is kept
 * as a code and its one argument, never as words: the console says it in the operator's language
 * (message {@code inquiry.flag.code.<CODE>}).
 */
final class EarlyWarning {

    /** Why the inquiry was flagged by the desk itself; stored in {@code inquiry.flag_code}. */
    enum Code {
        /** Argument: the first word of complaint found. */
        COMPLAINT_WORDS,
        /** Argument: the reference of the earlier inquiry about the same order. */
        REPEAT_CONTACT,
        /** Argument: the score (1–5) the customer gave. */
        LOW_SATISFACTION
    }

    /**
     * One warning. On the inquiry's trail it is written {@code CODE:argument} (see {@link
     * #trailDetail()}), the one shape the console reads back as a coded flag.
     */
    record Warning(Code code, String argument) {

        String trailDetail() {
            return code.name() + ":" + argument;
        }
    }

    /** A second inquiry about one order within this time flags the new one. */
    static final Duration REPEAT_CONTACT = Duration.ofDays(7);

    // Words a shop's staff read as a complaint; compared after NFKC so full- and half-width match.
    private static final List<String> COMPLAINT_WORDS = List.of(
            "最悪", "詐欺", "二度と", "ふざけ", "返金しろ", "訴え", "消費者センター", "クレーム", "許せない", "ありえない", "ひどい", "酷い", "不誠実", "責任者を出",
            "怒");

    private EarlyWarning() {}

    /** The first complaint word in the text, as a warning. */
    static Optional<Warning> complaintIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return COMPLAINT_WORDS.stream()
                .filter(normalized::contains)
                .findFirst()
                .map(word -> new Warning(Code.COMPLAINT_WORDS, word));
    }

    static Warning repeatContact(String earlierReference) {
        return new Warning(Code.REPEAT_CONTACT, earlierReference);
    }

    static Warning lowSatisfaction(int score) {
        return new Warning(Code.LOW_SATISFACTION, Integer.toString(score));
    }
}
