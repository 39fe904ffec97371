package com.aftercare.inquiry;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finding unhappy customers early (不満の早期発見): words of complaint in what a customer writes,
 * and a second contact about the same order within a week. A flagged inquiry goes to the top of
 * the queue; a low satisfaction score flags it too ({@link SatisfactionSurvey}).
 */
final class EarlyWarning {

    /** A second inquiry about one order within this time flags the new one. */
    static final Duration REPEAT_CONTACT = Duration.ofDays(7);

    // Words a shop's staff read as a complaint; compared after NFKC so full- and half-width match.
    private static final List<String> COMPLAINT_WORDS = List.of(
            "最悪", "詐欺", "二度と", "ふざけ", "返金しろ", "訴え", "消費者センター", "クレーム", "許せない", "ありえない", "ひどい", "酷い", "不誠実", "責任者を出",
            "怒");

    private EarlyWarning() {}

    /** The first complaint word in the text, as a flag reason. */
    static Optional<String> complaintIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return COMPLAINT_WORDS.stream()
                .filter(normalized::contains)
                .findFirst()
                .map(word -> "complaint words: " + word);
    }

    static String repeatContactReason(String earlierReference) {
        return "second contact about the order within a week (" + earlierReference + ")";
    }
}
