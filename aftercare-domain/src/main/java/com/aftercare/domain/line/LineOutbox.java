package com.aftercare.domain.line;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a text leaves for LINE: stored in the caller's transaction (the operator's reply and
 * its LINE text commit together or not at all), then sent by the LINE dispatcher with the reply
 * token while LINE still takes it, else as a push with an {@code X-Line-Retry-Key}.
 */
@Service
public class LineOutbox {

    /** LINE's limit for one text message object. */
    public static final int MAX_TEXT = 5000;

    /**
     * A text for a LINE user.
     *
     * @param dedupKey the same request twice is stored once ({@code inquiry-reply:<message id>})
     * @param identity the LINE user ({@link LineIdentities.LineIdentity#id()})
     * @param replyToken the token of the customer's message this answers, or null
     * @param tokenReceivedAt when that message came (the token is used only within
     *     {@link LineProperties.Dispatcher#replyWindow()} of it), or null
     */
    public record LineText(String dedupKey, long identity, String text, String replyToken, Instant tokenReceivedAt) {}

    private final JdbcClient jdbc;
    private final LineProperties properties;

    LineOutbox(JdbcClient jdbc, LineProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Queues the text; answers its id (the first one's when the dedup key was used before).
     *
     * @throws InvalidValue on {@code body} for a blank text, one longer than {@value #MAX_TEXT}
     *     characters, or one LINE would garble
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(LineText text, Instant now) {
        if (text.text() == null || text.text().isBlank()) {
            throw new InvalidValue("body", "must not be blank");
        }
        if (text.text().length() > MAX_TEXT) {
            throw new InvalidValue("body", "LINE takes at most " + MAX_TEXT + " characters in one message");
        }
        if (Text.hasControlCharacters(text.text(), true) || Text.hasLoneSurrogate(text.text())) {
            throw new InvalidValue("body", "must not contain control characters");
        }
        boolean hasToken = text.replyToken() != null && text.tokenReceivedAt() != null;
        jdbc.sql("""
                        insert into line_push (storefront_id, identity_id, dedup_key, text, reply_token, reply_until,
                                               retry_key, status, next_attempt_at, created_at, updated_at)
                        select i.storefront_id, i.id, :dedup, :text, :token, :until, :retryKey, 'PENDING', :now, :now, :now
                          from line_identity i where i.id = :identity
                        on conflict (dedup_key) do nothing
                        """)
                .param("dedup", text.dedupKey())
                .param("text", text.text().strip())
                .param("token", hasToken ? text.replyToken() : null)
                .param(
                        "until",
                        hasToken
                                ? Timestamp.from(text.tokenReceivedAt()
                                        .plus(properties.dispatcher().replyWindow()))
                                : null)
                .param("retryKey", UUID.randomUUID())
                .param("now", Timestamp.from(now))
                .param("identity", text.identity())
                .update();
        return jdbc.sql("select id from line_push where dedup_key = :dedup")
                .param("dedup", text.dedupKey())
                .query(Long.class)
                .single();
    }
}
