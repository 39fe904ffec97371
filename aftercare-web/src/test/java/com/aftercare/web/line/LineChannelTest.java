package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.bytes;
import static com.aftercare.web.line.LineWebhook.event;
import static com.aftercare.web.line.LineWebhook.fileEvent;
import static com.aftercare.web.line.LineWebhook.imageEvent;
import static com.aftercare.web.line.LineWebhook.locationEvent;
import static com.aftercare.web.line.LineWebhook.mediaEvent;
import static com.aftercare.web.line.LineWebhook.newMessageId;
import static com.aftercare.web.line.LineWebhook.newUser;
import static com.aftercare.web.line.LineWebhook.stickerEvent;
import static com.aftercare.web.line.LineWebhook.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.line.LineProperties;
import com.aftercare.domain.shared.BodyHmac;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryAttachments;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.MessageView;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The LINE channel end to end over a real port, on PostgreSQL, against an in-process LINE
 * ({@link FakeLine}) that checks every request as LINE documents it.
 */
@AftercareIntegrationTest
class LineChannelTest extends LineIntegrationTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Autowired
    InquiryAttachments attachments;

    @Autowired
    LineProperties line;

    String storefront = TestEnvironment.BOOTSTRAP_STOREFRONT;

    @BeforeEach
    void connect() {
        channels.save(storefronts.ensure(storefront, storefront).id(), SECRET, TOKEN, "test");
    }

    @Test
    void shouldRefuseAForgedSignatureWith401AndStoreNothing() throws Exception {
        String user = newUser();
        String body = textEvent(UUID.randomUUID().toString(), user, "こんにちは", false);

        HttpResponse<String> forged = post(body, BodyHmac.signBase64("another-secret-0123456789abcdef", bytes(body)));
        HttpResponse<String> unsigned = post(body, null);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(count("select count(*) from line_identity where line_user_id = :v", user))
                .isZero();
    }

    @Test
    void shouldOpenOneLineInquiryKeepingEmojiSequencesAndTakeARedeliveryOnce() throws Exception {
        String user = newUser();
        String eventId = UUID.randomUUID().toString();
        String text = "注文した商品が届きません🙇\u200D♀\uFE0F 👨\u200D👩\u200D👧";

        HttpResponse<String> first = signedPost(textEvent(eventId, user, text, false));
        HttpResponse<String> redelivered = signedPost(textEvent(eventId, user, text, true));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).contains("\"duplicates\":1");
        String reference = rows().referenceOf(user);
        InquiryView inquiry = inquiries.find(reference).orElseThrow();
        assertThat(inquiry.channel().name()).isEqualTo("LINE");
        assertThat(inquiry.messages()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(text);
            assertThat(m.authorName()).isEqualTo("山田 花子"); // from the profile API
        });
    }

    @Test
    void shouldAnswerWithTheReplyTokenFirstThenByPushUnderARetryKey() throws Exception {
        String user = newUser();
        signedPost(textEvent(UUID.randomUUID().toString(), user, "サイズ交換できますか", false));
        String reference = rows().referenceOf(user);

        inquiries.reply(new Inquiries.Reply(reference, "admin", "はい、できます。"));
        dispatcher.dispatchDue();
        inquiries.reply(new Inquiries.Reply(reference, "admin", "交換の手順をお送りします。"));
        dispatcher.dispatchDue();

        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("はい、できます。"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/v2/bot/message/reply");
                    assertThat(r.json().get("replyToken").asString()).isEqualTo("token-" + user);
                });
        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("交換の手順"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/v2/bot/message/push");
                    assertThat(r.json().get("to").asString()).isEqualTo(user);
                    assertThat(r.headers()).containsKey("x-line-retry-key");
                });
        assertThat(rows().statuses(user)).containsExactly("SENT", "SENT");
    }

    @Test
    void shouldNeverPushTwiceWhenTheDispatcherDiedBetweenSendingAndRecording() throws Exception {
        String user = newUser();
        signedPost(textEvent(UUID.randomUUID().toString(), user, "返品したいです", false));
        String reference = rows().referenceOf(user);
        rows().expireReplyTokens(user);
        inquiries.reply(new Inquiries.Reply(reference, "admin", "返品を承りました。"));
        dispatcher.dispatchDue();
        // the instance that sent it died before recording SENT: its claim runs out while IN_FLIGHT
        jdbc.sql("""
                        update line_push set status = 'IN_FLIGHT', claimed_by = 'killed', sent_at = null,
                               lease_until = now() - interval '1 second'
                         where identity_id = (select id from line_identity where line_user_id = :user)
                        """).param("user", user).update();

        dispatcher.dispatchDue();

        assertThat(LINE.delivered()).filteredOn(t -> t.equals("返品を承りました。")).hasSize(1);
        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("返品を承りました。"))
                .extracting(r -> r.answered())
                .containsExactly(200, 409);
        assertThat(rows().statuses(user)).containsExactly("SENT");
    }

    @Test
    void shouldRetryAPushLineRateLimitedUnderTheSameRetryKey() throws Exception {
        String user = newUser();
        signedPost(textEvent(UUID.randomUUID().toString(), user, "在庫はありますか", false));
        rows().expireReplyTokens(user);
        inquiries.reply(new Inquiries.Reply(rows().referenceOf(user), "admin", "在庫ございます。"));
        LINE.answerNextPush(429);

        dispatcher.dispatchDue();
        assertThat(rows().statuses(user)).containsExactly("PENDING");
        jdbc.sql("update line_push set next_attempt_at = now() where status = 'PENDING'")
                .update();
        dispatcher.dispatchDue();

        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("在庫ございます。"))
                .extracting(r -> r.answered())
                .containsExactly(429, 200);
        assertThat(LINE.sends().stream()
                        .filter(r -> r.body().contains("在庫ございます。"))
                        .map(r -> r.headers().get("x-line-retry-key"))
                        .distinct())
                .hasSize(1);
        assertThat(rows().statuses(user)).containsExactly("SENT");
    }

    @Test
    void shouldParkAPushWhoseAttemptsRanOutOnServerErrorsAndFailOneThatRanOutOnRateLimits() throws Exception {
        String errors = newUser();
        String limited = newUser();
        for (String user : List.of(errors, limited)) {
            signedPost(textEvent(UUID.randomUUID().toString(), user, "届きましたか", false));
            rows().expireReplyTokens(user);
            inquiries.reply(new Inquiries.Reply(rows().referenceOf(user), "admin", "回答 " + user));
        }

        for (String user : List.of(errors, limited)) {
            for (int attempt = 0; attempt < line.dispatcher().maxAttempts(); attempt++) {
                // only this user's text is due, so the next push answered is its
                jdbc.sql("""
                                update line_push set next_attempt_at = case when identity_id =
                                       (select id from line_identity where line_user_id = :u) then now()
                                       else now() + interval '1 hour' end
                                 where status = 'PENDING'
                                """).param("u", user).update();
                LINE.answerNextPush(user.equals(errors) ? 503 : 429);
                dispatcher.dispatchDue();
            }
        }

        assertThat(rows().statuses(errors))
                .as("5xx each time: LINE may have taken one of them under the retry key")
                .containsExactly("UNKNOWN");
        assertThat(rows().statuses(limited)).as("429 each time: never taken").containsExactly("FAILED");
    }

    @Test
    void shouldNotPushToACustomerWhoUnfollowedAndShowWhyWithoutRetrying() throws Exception {
        String user = newUser();
        signedPost(textEvent(UUID.randomUUID().toString(), user, "問い合わせです", false));
        String reference = rows().referenceOf(user);
        signedPost(event(UUID.randomUUID().toString(), "unfollow", user, "", false));
        int before = LINE.sends().size();

        inquiries.reply(new Inquiries.Reply(reference, "admin", "ご連絡ありがとうございます。"));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(LINE.sends()).hasSize(before);
        assertThat(rows().statuses(user)).containsExactly("FAILED");
        assertThat(jdbc.sql(
                                "select last_error from line_push where identity_id = (select id from line_identity where line_user_id = :u)")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .startsWith("UNFOLLOWED");
    }

    @Test
    void shouldTreatALineConversationAsAnyInquiryWithItsDueTimesAndFindItByItsJapaneseWords() throws Exception {
        String user = newUser();
        String words = "電子ケトル" + Events.unique("k").substring(2, 8);
        signedPost(textEvent(UUID.randomUUID().toString(), user, words + "の電源が入りません", false));
        String reference = rows().referenceOf(user);

        InquiryView inquiry = inquiries.find(reference).orElseThrow();
        assertThat(inquiry.firstResponseDueAt()).as("the SLA of every inquiry").isNotNull();
        assertThat(inquiry.resolutionDueAt()).isNotNull();
        String found = ConsoleClient.loggedInAsAdmin(port)
                .get("/console/search?in=inquiries&q=" + URLEncoder.encode(words, StandardCharsets.UTF_8))
                .body();
        assertThat(found).contains(reference);
    }

    @Test
    void shouldLetTheOperatorSendARefusedAnswerAgainOnceTheCustomerFollowsAgain() throws Exception {
        String user = newUser();
        signedPost(textEvent(UUID.randomUUID().toString(), user, "問い合わせです", false));
        String reference = rows().referenceOf(user);
        signedPost(event(UUID.randomUUID().toString(), "unfollow", user, "", false));
        inquiries.reply(new Inquiries.Reply(reference, "admin", "お待たせしました。交換品を発送します。"));
        dispatcher.dispatchDue();
        long push = jdbc.sql(
                        "select id from line_push where identity_id = (select id from line_identity where line_user_id = :u)")
                .param("u", user)
                .query(Long.class)
                .single();
        String page = "/console/inquiries/" + reference;
        String resend = page + "/line-pushes/" + push + "/resend";
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        assertThat(admin.get(page).body()).contains("LINE で再送する").contains(resend);
        assertThat(admin.postWithoutToken(resend, Map.of()).statusCode()).isEqualTo(403);
        String other = rows().referenceOf(otherConversation());
        assertThat(admin.postForm(page, "/console/inquiries/" + other + "/line-pushes/" + push + "/resend", Map.of())
                        .statusCode())
                .as("another inquiry's text is not found there")
                .isEqualTo(404);
        assertThat(rows().statuses(user)).containsExactly("FAILED");

        signedPost(event(UUID.randomUUID().toString(), "follow", user, ", \"replyToken\": \"r-" + user + "\"", false));
        HttpResponse<String> resent = admin.postForm(page, resend, Map.of());
        dispatcher.dispatchDue();

        assertThat(resent.statusCode()).isEqualTo(302);
        assertThat(rows().statuses(user)).containsExactly("SENT");
        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("交換品を発送します"))
                .singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/v2/bot/message/push"));
        assertThat(jdbc.sql("select actor from audit_log where action = 'line.push.released' and target_id = :p")
                        .param("p", Long.toString(push))
                        .query(String.class)
                        .list())
                .containsExactly("admin");
        assertThat(admin.get(page).body()).doesNotContain(resend);
    }

    /** Another LINE user's conversation; the user. */
    private String otherConversation() throws Exception {
        String other = newUser();
        signedPost(textEvent(UUID.randomUUID().toString(), other, "別のお問い合わせです", false));
        return other;
    }

    @Test
    void shouldKeepAnImageFromTheContentApiAsTheMessagesAttachment() throws Exception {
        String user = newUser();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
        LINE.content(jpeg);
        String messageId = newMessageId();

        HttpResponse<String> answer = signedPost(imageEvent(user, messageId));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(LINE.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v2/bot/message/" + messageId + "/content");
            assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
        });
        byte[] stored =
                jdbc.sql("""
                        select a.content from inquiry_attachment a join inquiry_message m on m.id = a.message_id
                          join inquiry i on i.id = m.inquiry_id
                          join line_identity l on l.id = i.line_identity_id
                         where l.line_user_id = :u and m.content_kind = 'IMAGE'
                        """).param("u", user).query((rs, i) -> rs.getBytes(1)).single();
        assertThat(stored).isEqualTo(jpeg);
        // a picture has no words: the desk keeps its kind in words, never a symbol that needs an emoji font
        String reference = rows().referenceOf(user);
        assertThat(inquiries.find(reference).orElseThrow().subject()).isEqualTo("[画像]");
        long customer = jdbc.sql("select customer_id from line_identity where line_user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        for (String page : List.of("/console/customers/" + customer, "/console/inquiries/" + reference)) {
            String html = console.get(page).body();
            assertThat(html).as(page).contains("[画像]");
            assertThat(html.codePoints().filter(LineChannelTest::needsAnEmojiFont))
                    .as(page)
                    .isEmpty();
        }
    }

    /** A pictograph: drawn only by an emoji font, an empty box in a browser without one. */
    private static boolean needsAnEmojiFont(int codePoint) {
        return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF);
    }

    @Test
    void shouldKeepAFileFromTheContentApiUnderItsNameAndDropOneThePolicyRefuses() throws Exception {
        String user = newUser();
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
        LINE.content(pdf, "application/pdf");
        signedPost(fileEvent(user, newMessageId(), "領収書.pdf", pdf.length));
        LINE.content(new byte[] {0x4D, 0x5A, (byte) 0x90, 0, 3, 0}, "application/pdf"); // a program called .pdf
        signedPost(fileEvent(user, newMessageId(), "請求書.pdf", 6));

        String reference = rows().referenceOf(user);
        assertThat(attachments.of(reference)).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("領収書.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(attachments.content(reference, a.id()).orElseThrow().content())
                    .isEqualTo(pdf);
        });
        assertThat(inquiries.find(reference).orElseThrow().messages())
                .extracting(MessageView::body)
                .containsExactly("[ファイル] 領収書.pdf", "[ファイル] 請求書.pdf");
    }

    @Test
    void shouldKeepAVideoAndAVoiceMessageAsAttachmentsAndAPlaceAndAStickerInWords() throws Exception {
        String user = newUser();
        byte[] mp4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm'};
        byte[] m4a = {0, 0, 0, 0x1C, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0, 'M', '4', 'A', ' '};
        String video = newMessageId();
        String audio = newMessageId();
        String place = newMessageId();
        LINE.content(mp4, "video/mp4");
        signedPost(mediaEvent(user, video, "video"));
        LINE.content(m4a, "audio/x-m4a"); // as LINE names a voice message
        signedPost(mediaEvent(user, audio, "audio"));
        signedPost(locationEvent(user, place, "東京タワー", "東京都港区芝公園4-2-8"));
        signedPost(stickerEvent(user, newMessageId(), "Happy", "Smile", "Yay", "Hooray"));

        String reference = rows().referenceOf(user);
        assertThat(inquiries.find(reference).orElseThrow().messages())
                .extracting(MessageView::body)
                .containsExactly(
                        "[動画]",
                        "[音声メッセージ]",
                        "[位置情報] 東京タワー 東京都港区芝公園4-2-8",
                        // a sticker's first three keywords, as words an operator can read
                        "[スタンプ] Happy, Smile, Yay");
        assertThat(attachments.of(reference))
                .extracting(a -> a.filename() + " " + a.contentType())
                .containsExactlyInAnyOrder("line-" + video + ".mp4 video/mp4", "line-" + audio + ".m4a audio/mp4");
        // a place has no content on LINE's data API: nothing is asked for it
        assertThat(LINE.requests()).noneMatch(r -> r.path().contains(place));
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        String page = console.get("/console/inquiries/" + reference).body();
        assertThat(page).contains("動画", "音声メッセージ", "位置情報").doesNotContain("[ファイル] video");
        // the operator plays them in place, served as what they are
        assertThat(Jsoup.parse(page).select("video[controls], audio[controls]")).hasSize(2);
        String videoSource = Jsoup.parse(page).selectFirst("video").attr("src");
        assertThat(console.download(videoSource).headers().firstValue("Content-Type"))
                .hasValue("video/mp4");
    }

    @Test
    void shouldAcknowledgeUnknownEventTypesAndRefuseBrokenOrOversizedBodies() throws Exception {
        String user = newUser();
        HttpResponse<String> unknown = signedPost(event(UUID.randomUUID().toString(), "membership", user, "", false));
        HttpResponse<String> notJson = signedPost("{not json");
        HttpResponse<String> badUser =
                signedPost(textEvent(UUID.randomUUID().toString(), "U-not-a-line-user", "x", false));
        String huge = "{\"events\": [], \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> oversized = signedPost(huge);
        HttpResponse<String> verification = signedPost("{\"destination\": \"U0\", \"events\": []}");

        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("\"ignored\":1");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).contains("source.userId");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(count("select count(*) from line_identity where line_user_id = :v", user))
                .isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private HttpResponse<String> signedPost(String body) throws Exception {
        return new LineWebhook(port, storefront, SECRET).signed(body);
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        return new LineWebhook(port, storefront, SECRET).post(body, signature);
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }
}
