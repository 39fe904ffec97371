package com.aftercare.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of an inquiry: what the customer wrote, an operator's answer, or an internal note. */
@Entity
@Table(name = "inquiry_message")
class InquiryMessage {

    /** What a LINE message carried besides text: shown as a label, its content (if any) as an attachment. */
    enum ContentKind {
        IMAGE,
        STICKER,
        FILE,
        POSTBACK,
        VIDEO,
        AUDIO,
        LOCATION
    }

    enum Direction {
        INBOUND,
        OUTBOUND,
        NOTE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Direction direction;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "author_name", updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    /** Mail threading: the mail's own Message-ID and what it answered (filled for mail that came in). */
    @Column(name = "message_id")
    private String messageId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    /** The outbox mail that carried an operator's reply to the customer (V8); null otherwise. */
    @Column(name = "outbound_mail_id")
    private Long outboundMailId;

    /** What a LINE message was (null: text, or not LINE). */
    @Enumerated(EnumType.STRING)
    @Column(name = "content_kind")
    private ContentKind contentKind;

    /** The reply token of a customer's LINE message: an answer within LINE's minute goes as its reply. */
    @Column(name = "line_reply_token")
    private String lineReplyToken;

    /** The LINE text that carried an operator's reply (V70); null otherwise. */
    @Column(name = "line_push_id")
    private Long linePushId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected InquiryMessage() {}

    private InquiryMessage(
            Direction direction, String author, String authorName, String body, Channel channel, Instant at) {
        this.direction = direction;
        this.author = author;
        this.authorName = InquiryText.line("author", authorName, InquiryText.MAX_NAME, false);
        this.body = body;
        this.channel = channel;
        this.createdAt = at;
    }

    static InquiryMessage inbound(String body, String authorName, Channel channel, Instant at) {
        return new InquiryMessage(Direction.INBOUND, Inquiry.CUSTOMER, authorName, body, channel, at);
    }

    static InquiryMessage outbound(String operator, String body, Channel channel, Instant at) {
        return new InquiryMessage(Direction.OUTBOUND, operator, null, body, channel, at);
    }

    static InquiryMessage note(String operator, String body, Channel channel, Instant at) {
        return new InquiryMessage(Direction.NOTE, operator, null, body, channel, at);
    }

    /**
     * This message came in on LINE: its LINE message id (as {@code line:<id>} in the Message-ID
     * column, unique, so the same LINE message is never stored twice), what it carried and its reply
     * token.
     */
    void arrivedOnLine(String lineMessageId, ContentKind kind, String replyToken) {
        this.messageId = lineMessageId == null ? null : "line:" + lineMessageId;
        this.contentKind = kind;
        this.lineReplyToken = replyToken;
    }

    ContentKind contentKind() {
        return contentKind;
    }

    String lineReplyToken() {
        return lineReplyToken;
    }

    Long linePushId() {
        return linePushId;
    }

    /** The reply was queued as LINE text {@code pushId}; its state is shown on the message. */
    void sentOnLine(long pushId) {
        if (direction != Direction.OUTBOUND) {
            throw new IllegalStateException("Only an operator's reply goes out on LINE");
        }
        linePushId = pushId;
    }

    /** This message came in as a mail: keeps its Message-ID and In-Reply-To for threading. */
    void arrivedAsMail(String messageId, String inReplyTo) {
        this.messageId = messageId;
        this.inReplyTo = inReplyTo;
    }

    Long id() {
        return id;
    }

    Direction direction() {
        return direction;
    }

    String author() {
        return author;
    }

    String authorName() {
        return authorName;
    }

    String body() {
        return body;
    }

    Channel channel() {
        return channel;
    }

    Instant createdAt() {
        return createdAt;
    }

    String messageId() {
        return messageId;
    }

    Long outboundMailId() {
        return outboundMailId;
    }

    /** The reply was queued as outbox mail {@code mailId}; a customer's answer to it finds its way back. */
    void sentAsMail(long mailId) {
        if (direction != Direction.OUTBOUND) {
            throw new IllegalStateException("Only an operator's reply goes out as mail");
        }
        outboundMailId = mailId;
    }
}
