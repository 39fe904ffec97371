package com.aftercare.inquiry;

import com.aftercare.domain.line.LineWords;
import com.aftercare.inquiry.LineConversations.Message;

/** What the desk keeps of a LINE message in words: its body, and the subject a new conversation takes from it. */
final class LineMessageText {

    private static final int SUBJECT_LENGTH = 40;

    private LineMessageText() {}

    /**
     * The text of a message as the desk keeps it. A picture, a sticker or a file has no words: the
     * body is its kind in words, in brackets (a symbol such as an emoji would be an empty box where
     * no emoji font is installed), followed by what LINE gave that a person can read (a sticker's
     * keywords, a place's name and address, a file's name).
     *
     * @param kindWords what the message's kind is called ({@link LineWords#contentKind}); unused
     *     for a text
     */
    static String bodyOf(Message message, String kindWords) {
        return switch (message.kind()) {
            case TEXT -> InquiryText.body("message.text", message.text());
            case IMAGE, VIDEO, AUDIO -> "[" + kindWords + "]";
            case LOCATION -> labelled(kindWords, "message.address", message.text(), 300);
            case STICKER -> labelled(kindWords, "message.keywords", message.text(), 200);
            case FILE ->
                "[" + kindWords + "] "
                        + (message.fileName() == null
                                ? message.id()
                                : InquiryText.line("message.fileName", message.fileName(), 200, false));
        };
    }

    /** The first words of the first message, as a subject the queue can show. */
    static String subjectOf(String body) {
        String first = body.strip().lines().findFirst().orElse(body).strip();
        int end = first.offsetByCodePoints(0, Math.min(first.codePointCount(0, first.length()), SUBJECT_LENGTH));
        return end < first.length() ? first.substring(0, end) + "…" : first;
    }

    /** The kind in brackets, then the words LINE gave for it, if any. */
    private static String labelled(String kindWords, String field, String words, int max) {
        return words == null || words.isBlank()
                ? "[" + kindWords + "]"
                : "[" + kindWords + "] " + InquiryText.line(field, words, max, false);
    }
}
