package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.LineConversations;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.TestStorefronts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V118 turns the emoji labels the first LINE intake stored (📷, 🏷️, 📎) into the words the intake
 * writes now. Flyway ran it before this test, on a database that held none of those rows, so the
 * test makes them: LINE messages taken through the intake, their bodies (and the subject the first
 * one gave) set back to exactly what the old code wrote ({@code git show 12eadd8}), and then runs
 * the very file Flyway runs, {@code db/migration/V118__line_labels_in_words.sql}, as Flyway would
 * (in one transaction, the shop's language set as the session setting {@code spring.flyway.init-sqls}
 * gives it).
 */
@AftercareIntegrationTest
class LineLabelsMigrationTest {

    private static final String PICTURE = "\uD83D\uDCF7"; // 📷
    private static final String TAG = "\uD83C\uDFF7\uFE0F"; // 🏷️ with its variation selector
    private static final String CLIP = "\uD83D\uDCCE"; // 📎

    @Autowired
    Storefronts storefronts;

    @Autowired
    LineConversations conversations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MessageSource messages;

    StorefrontId storefront;
    String unnamedFile;

    @BeforeEach
    void setUp() {
        // a storefront without a channel: the intake asks LINE for no profile and no content
        storefront = TestStorefronts.create(storefronts).id();
    }

    @Test
    void shouldTurnTheOldEmojiLabelsIntoTheWordsTheIntakeWritesNowAndLeaveEverythingElse() {
        String reference = conversationOfOldLabels(newUser());

        migrate("ja");

        assertThat(bodies(reference))
                .containsExactly(
                        "[画像]",
                        "[スタンプ] Happy, Smile",
                        "[スタンプ]",
                        "[ファイル] 領収書.pdf",
                        "[ファイル] " + unnamedFile,
                        // a customer's own text that starts with an emoji is theirs, not a label
                        PICTURE + " 見てください",
                        // a sticker whose label was already in words
                        "[スタンプ] ありがとう");
        assertThat(subject(reference)).isEqualTo("[画像]");
        // the words are the intake's own (inquiry.line.kind.*), so old and new rows read alike
        assertThat(bodies(reference).get(0))
                .isEqualTo("[" + messages.getMessage("inquiry.line.kind.IMAGE", null, Locale.JAPANESE) + "]");

        migrate("ja");

        assertThat(bodies(reference)).startsWith("[画像]", "[スタンプ] Happy, Smile").hasSize(7);
    }

    @Test
    void shouldWriteTheLabelsInTheShopsLanguage() {
        String reference = conversationOfOldLabels(newUser());

        migrate("en");

        assertThat(bodies(reference))
                .startsWith(
                        "[" + messages.getMessage("inquiry.line.kind.IMAGE", null, Locale.ENGLISH) + "]",
                        "[Sticker] Happy, Smile",
                        "[Sticker]",
                        "[File] 領収書.pdf");
        assertThat(subject(reference)).isEqualTo("[Picture]");
    }

    @Test
    void shouldLeaveASubjectTheOperatorChanged() {
        String reference = conversationOfOldLabels(newUser());
        jdbc.sql("update inquiry set subject = '破損の写真' where reference = :r")
                .param("r", reference)
                .update();

        migrate("ja");

        assertThat(subject(reference)).isEqualTo("破損の写真");
        assertThat(bodies(reference).get(0)).isEqualTo("[画像]");
    }

    @Test
    void shouldTurnVideosRecordingsAndPlacesTakenForFilesIntoWhatTheyAre() {
        // V123: the intake took them for files named after their type; a file really called
        // video.mp4 stays a file
        String user = newUser();
        String reference = take(user, LineConversations.Kind.FILE, null, "video");
        take(user, LineConversations.Kind.FILE, null, "audio");
        take(user, LineConversations.Kind.FILE, null, "location");
        take(user, LineConversations.Kind.FILE, null, "video.mp4");
        assertThat(subject(reference)).isEqualTo("[ファイル] video");

        migrate("V123__line_video_audio_location.sql", "ja");
        migrate("V123__line_video_audio_location.sql", "ja");

        assertThat(bodies(reference)).containsExactly("[動画]", "[音声メッセージ]", "[位置情報]", "[ファイル] video.mp4");
        assertThat(jdbc.sql("""
                                select m.content_kind from inquiry_message m join inquiry i on i.id = m.inquiry_id
                                 where i.reference = :r order by m.id
                                """).param("r", reference).query(String.class).list())
                .containsExactly("VIDEO", "AUDIO", "LOCATION", "FILE");
        assertThat(subject(reference)).isEqualTo("[動画]");
        assertThat(bodies(reference).get(0))
                .isEqualTo("[" + messages.getMessage("inquiry.line.kind.VIDEO", null, Locale.JAPANESE) + "]");
    }

    /**
     * A LINE conversation as the old intake left it: a picture (which opened it, so its subject is
     * the label), stickers with and without keywords, a file with a name and one without, a text,
     * and a sticker taken after the change.
     */
    private String conversationOfOldLabels(String user) {
        String reference = take(user, LineConversations.Kind.IMAGE, null, null);
        take(user, LineConversations.Kind.STICKER, "Happy, Smile", null);
        take(user, LineConversations.Kind.STICKER, null, null);
        take(user, LineConversations.Kind.FILE, null, "領収書.pdf");
        String unnamed = take(user, LineConversations.Kind.FILE, null, null);
        take(user, LineConversations.Kind.TEXT, PICTURE + " 見てください", null);
        take(user, LineConversations.Kind.STICKER, "ありがとう", null);
        List<Long> ids = ids(reference);
        old(ids.get(0), PICTURE);
        old(ids.get(1), TAG + " Happy, Smile");
        old(ids.get(2), TAG);
        old(ids.get(3), CLIP + " 領収書.pdf");
        old(ids.get(4), CLIP + " " + unnamed);
        unnamedFile = unnamed;
        jdbc.sql("update inquiry set subject = :s where reference = :r")
                .param("s", PICTURE)
                .param("r", reference)
                .update();
        return reference;
    }

    /**
     * Takes one message event; its LINE message id is new each time.
     *
     * @return the conversation's reference, or for a file without a name the message id (its old label's text)
     */
    private String take(String user, LineConversations.Kind kind, String text, String fileName) {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
        String reference = conversations
                .take(
                        storefront,
                        new LineConversations.Event(
                                UUID.randomUUID().toString(),
                                "message",
                                false,
                                "user",
                                user,
                                null,
                                new LineConversations.Message(id, kind, text, fileName),
                                null))
                .reference();
        return kind == LineConversations.Kind.FILE && fileName == null ? id : reference;
    }

    private void old(long message, String body) {
        jdbc.sql("update inquiry_message set body = :b where id = :id")
                .param("b", body)
                .param("id", message)
                .update();
    }

    private void migrate(String language) {
        migrate("V118__line_labels_in_words.sql", language);
    }

    /** Runs the migration's file as Flyway does: one transaction, the shop's language in the session. */
    private void migrate(String file, String language) {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/" + file)) {
            assertThat(in).as(file + " on the classpath, where Flyway reads it").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("select set_config('aftercare.mail_language', :l, true)")
                    .param("l", language)
                    .query(String.class)
                    .single();
            jdbc.sql(script).update();
        });
    }

    private List<Long> ids(String reference) {
        return jdbc.sql("""
                        select m.id from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r order by m.id
                        """).param("r", reference).query(Long.class).list();
    }

    private List<String> bodies(String reference) {
        return jdbc.sql("""
                        select m.body from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r order by m.id
                        """).param("r", reference).query(String.class).list();
    }

    private String subject(String reference) {
        return jdbc.sql("select subject from inquiry where reference = :r")
                .param("r", reference)
                .query(String.class)
                .single();
    }
}
