package com.aftercare.inquiry;

import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.line.LineIdentities;
import com.aftercare.domain.line.LineIdentities.LineIdentity;
import com.aftercare.domain.line.LineOutbox;
import com.aftercare.domain.line.LinePlatform;
import com.aftercare.domain.line.LineWebhookEvents;
import com.aftercare.domain.line.LineWords;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * LINE conversations in the desk: each event of a storefront's LINE webhook, already verified and
 * read. A LINE user's message joins their open conversation (the latest LINE inquiry of theirs
 * that is not closed: a resolved one reopens, as for mail), else opens a new LINE inquiry, which
 * then goes through the desk like any other (SLA, assignment rules, queue, search), answered at
 * once by the storefront's automatic first reply when it wants one ({@link LineFirstReplies}). An
 * event is taken once: its {@code webhookEventId} is recorded in the same transaction, so a
 * redelivery changes nothing, and an event whose handling failed is taken afresh when LINE
 * redelivers it.
 *
 * <p>What the webhook only points at is read from LINE first, outside the transaction: the
 * display name of a new user (profile API) and an image's or file's content (content API), which
 * is kept as the message's attachment when the mailbox's {@link AttachmentPolicy} takes it (type
 * detected from the bytes, size), as a mail's attachment would be.
 */
@Service
public class LineConversations {

    /** What a LINE message carries. */
    public enum Kind {
        TEXT,
        IMAGE,
        STICKER,
        FILE,
        VIDEO,
        AUDIO,
        /** A place shared from the map: its name and address are the words ({@link Message#text}). */
        LOCATION
    }

    /**
     * A LINE message event's {@code message}.
     *
     * @param text a text message's text, a sticker's label (its text or keywords), a location's
     *     name and address, or null
     * @param fileName a file message's name, or null
     */
    public record Message(String id, Kind kind, String text, String fileName) {}

    /**
     * One webhook event, as LINE sent it.
     *
     * @param type LINE's event type: {@code message}, {@code follow}, {@code unfollow}, {@code
     *     postback} are taken; any other is acknowledged and ignored
     * @param sourceType {@code user}, {@code group} or {@code room}: only one-to-one chats are the desk's
     * @param message a message event's message, else null
     * @param postbackData a postback event's {@code postback.data}, else null
     */
    public record Event(
            String webhookEventId,
            String type,
            boolean redelivery,
            String sourceType,
            String userId,
            String replyToken,
            Message message,
            String postbackData) {}

    public enum Outcome {
        /** Taken: a message added (see {@code reference}), or a follow or unfollow recorded. */
        TAKEN,
        /** Taken before (LINE redelivered it): nothing changed. */
        DUPLICATE,
        /** Acknowledged, nothing to do (an event type or source the desk does not use). */
        IGNORED
    }

    /** @param reference the inquiry a message went to, or null */
    public record Taken(Outcome outcome, String reference) {}

    private final LineWebhookEvents events;
    private final LineIdentities identities;
    private final LinePlatform platform;
    private final LineOutbox outbox;
    private final LineWords words;
    private final InquiryIntake intake;
    private final InquiryStore store;
    private final LineFirstReplies firstReplies;
    private final AttachmentPolicy attachments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LineConversations(
            LineWebhookEvents events,
            LineIdentities identities,
            LinePlatform platform,
            LineOutbox outbox,
            LineWords words,
            InquiryIntake intake,
            InquiryStore store,
            LineFirstReplies firstReplies,
            AttachmentPolicy attachments,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.events = events;
        this.identities = identities;
        this.platform = platform;
        this.outbox = outbox;
        this.words = words;
        this.intake = intake;
        this.store = store;
        this.firstReplies = firstReplies;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Takes one event of {@code storefront}'s channel, in a transaction of its own.
     *
     * @throws InvalidValue naming the event's field when it cannot be taken (a message without a
     *     user, a userId that is not LINE's): nothing is written
     */
    public Taken take(StorefrontId storefront, Event event) {
        if (event.webhookEventId() == null || event.webhookEventId().isBlank()) {
            throw new InvalidValue("webhookEventId", "must not be blank");
        }
        if (events.seen(storefront, event.webhookEventId())) {
            return new Taken(Outcome.DUPLICATE, null);
        }
        boolean fromUser = "user".equals(event.sourceType()) && event.userId() != null;
        boolean used =
                fromUser && List.of("message", "follow", "unfollow", "postback").contains(event.type());
        if (used && !LineIdentities.USER_ID.matcher(event.userId()).matches()) {
            throw new InvalidValue("source.userId", "is not a LINE userId (U and 32 hexadecimal digits)");
        }
        if (used && "message".equals(event.type()) && event.message() == null) {
            throw new InvalidValue("message", "must be present in a message event");
        }
        // read from LINE before the transaction: a slow LINE holds no database connection
        String displayName = used && identities.find(storefront, event.userId()).isEmpty()
                ? platform.displayName(storefront, event.userId()).orElse(null)
                : null;
        Optional<Attachment> file = used
                        && "message".equals(event.type())
                        && EnumSet.of(Kind.IMAGE, Kind.FILE, Kind.VIDEO, Kind.AUDIO)
                                .contains(event.message().kind())
                ? platform.content(storefront, event.message().id()).flatMap(content -> kept(event.message(), content))
                : Optional.empty();
        return transactions.execute(status -> {
            Instant now = clock.instant();
            if (!events.firstTime(storefront, event.webhookEventId(), typeOf(event), event.redelivery(), now)) {
                return new Taken(Outcome.DUPLICATE, null);
            }
            if (!used) {
                return new Taken(Outcome.IGNORED, null);
            }
            return switch (event.type()) {
                case "follow" -> {
                    identities.followed(identities
                            .recognise(storefront, event.userId(), displayName, now)
                            .id());
                    yield new Taken(Outcome.TAKEN, null);
                }
                case "unfollow" -> {
                    identities.unfollowed(storefront, event.userId(), now);
                    yield new Taken(Outcome.TAKEN, null);
                }
                case "postback" -> postback(storefront, event, now);
                default -> message(storefront, event, displayName, file, now);
            };
        });
    }

    private Taken message(
            StorefrontId storefront, Event event, String displayName, Optional<Attachment> file, Instant now) {
        LineIdentity identity = identities.recognise(storefront, event.userId(), displayName, now);
        Message message = event.message();
        InquiryMessage.ContentKind kind = switch (message.kind()) {
            case TEXT -> null;
            case IMAGE -> InquiryMessage.ContentKind.IMAGE;
            case STICKER -> InquiryMessage.ContentKind.STICKER;
            case FILE -> InquiryMessage.ContentKind.FILE;
            case VIDEO -> InquiryMessage.ContentKind.VIDEO;
            case AUDIO -> InquiryMessage.ContentKind.AUDIO;
            case LOCATION -> InquiryMessage.ContentKind.LOCATION;
        };
        String body = LineMessageText.bodyOf(
                message, kind == null ? null : words.contentKind(kind.name(), identity.customer()));
        Added added = add(identity, body, kind, message.id(), event.replyToken(), now);
        file.ifPresent(attachment -> storeAttachment(added.messageId(), attachment));
        return new Taken(Outcome.TAKEN, added.reference());
    }

    /**
     * A postback (a button of a rich menu or template) is the customer's word in an open
     * conversation only; the button that chooses LINE or mail for notices records the choice
     * (audited as the LINE user) wherever it is pressed, and answers it with the event's reply
     * token through the LINE outbox, in this transaction: which channel notices now come on.
     */
    private Taken postback(StorefrontId storefront, Event event, Instant now) {
        Optional<LineIdentity> identity = identities.find(storefront, event.userId());
        Optional<LineIdentities.NoticeChannel> choice = LineIdentities.noticeChoice(event.postbackData());
        if (identity.isPresent() && choice.isPresent()) {
            LineIdentity account = identity.get();
            identities.chooseNotices(account.customer(), account.id(), choice.get(), "line:" + event.userId());
            confirmChoice(account, choice.get(), event, now);
            return new Taken(Outcome.TAKEN, null);
        }
        if (identity.isEmpty() || openConversation(identity.get()).isEmpty() || event.postbackData() == null) {
            return new Taken(Outcome.IGNORED, null);
        }
        Added added = add(
                identity.get(),
                event.postbackData(),
                InquiryMessage.ContentKind.POSTBACK,
                null,
                event.replyToken(),
                now);
        return new Taken(Outcome.TAKEN, added.reference());
    }

    /**
     * Tells the customer where notices now come: on LINE only when they do (the storefront sends
     * notices on LINE and the account is linked to the customer), else that mail goes on. Keyed by
     * the webhook event, so the answer is queued once however often LINE delivers the event; a
     * postback without a reply token (LINE gives none to a user who blocked the account) gets none.
     */
    private void confirmChoice(LineIdentity account, LineIdentities.NoticeChannel chosen, Event event, Instant now) {
        if (event.replyToken() == null || event.replyToken().isBlank()) {
            return;
        }
        boolean onLineNow = identities.ofCustomer(account.customer()).stream()
                .anyMatch(a -> a.id() == account.id() && a.takesNotices());
        outbox.send(
                new LineOutbox.LineText(
                        "notices-chosen:" + account.id() + ":" + event.webhookEventId(),
                        account.id(),
                        words.noticesChosen(chosen, onLineNow, account.customer()),
                        event.replyToken(),
                        now),
                now);
    }

    private record Added(String reference, long messageId) {}

    private Added add(
            LineIdentity identity,
            String body,
            InquiryMessage.ContentKind kind,
            String lineMessageId,
            String replyToken,
            Instant now) {
        Optional<Inquiry> open = openConversation(identity);
        Inquiry inquiry;
        boolean opened = open.isEmpty();
        if (!opened) {
            inquiry = open.get();
            intake.addCustomerMessageTo(inquiry, body, identity.displayName(), null);
        } else {
            inquiry = intake.openFor(
                    Channel.LINE,
                    null,
                    null,
                    identity.customer(),
                    identity.storefront(),
                    null,
                    lastConversation(identity).orElse(null),
                    LineMessageText.subjectOf(body),
                    body,
                    identity.displayName(),
                    Inquiry.CUSTOMER,
                    null);
            inquiry.conversationOf(identity.id());
        }
        InquiryMessage added = InquiryStore.lastMessage(inquiry);
        added.arrivedOnLine(lineMessageId, kind, replyToken);
        store.flushAndLast(inquiry);
        if (opened) {
            // after the message has its reply token: the first reply uses it
            firstReplies.answer(inquiry, identity, now);
        }
        return new Added(inquiry.reference(), added.id());
    }

    /** The LINE user's latest inquiry that is not closed, locked for the message it gets. */
    private Optional<Inquiry> openConversation(LineIdentity identity) {
        return jdbc.sql("""
                        select reference from inquiry
                         where line_identity_id = :identity and status <> 'CLOSED'
                         order by created_at desc, id desc limit 1
                        """)
                .param("identity", identity.id())
                .query(String.class)
                .optional()
                .map(reference -> store.lock(null, reference));
    }

    /** The closed conversation a new one follows up, if any. */
    private Optional<InquiryId> lastConversation(LineIdentity identity) {
        return jdbc.sql("""
                        select id from inquiry where line_identity_id = :identity
                         order by created_at desc, id desc limit 1
                        """)
                .param("identity", identity.id())
                .query(Long.class)
                .optional()
                .map(InquiryId::new);
    }

    /** Content LINE gave, as the desk keeps it: the name to save under and the detected type. */
    private record Attachment(String filename, String contentType, byte[] bytes) {}

    /**
     * The content when the policy takes it: an image, a video or a recording is named after its
     * message (LINE gives them no name), a file keeps the name the customer's LINE gave it.
     */
    private Optional<Attachment> kept(Message message, LinePlatform.Content content) {
        AttachmentPolicy.Verdict verdict =
                attachments.judge(content.contentType(), content.bytes(), content.bytes().length);
        if (!verdict.accepted()) {
            return Optional.empty();
        }
        String filename = message.kind() == Kind.FILE
                        && message.fileName() != null
                        && !message.fileName().isBlank()
                ? InquiryText.line("message.fileName", message.fileName(), 200, false)
                : "line-" + message.id() + extension(verdict.contentType());
        return Optional.of(new Attachment(filename, verdict.contentType(), content.bytes()));
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/heic" -> ".heic";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "video/mp4" -> ".mp4";
            case "audio/mp4" -> ".m4a";
            default -> "";
        };
    }

    private void storeAttachment(long messageId, Attachment attachment) {
        jdbc.sql("""
                        insert into inquiry_attachment (message_id, filename, content_type, size_bytes, content)
                        values (:message, :filename, :type, :size, :content)
                        """)
                .param("message", messageId)
                .param("filename", attachment.filename())
                .param("type", attachment.contentType())
                .param("size", attachment.bytes().length)
                .param("content", attachment.bytes())
                .update();
    }

    private static String typeOf(Event event) {
        String type = event.type() == null || event.type().isBlank()
                ? "(none)"
                : event.type().strip();
        return type.length() > 50 ? type.substring(0, 50) : type;
    }
}
