package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.event;
import static com.aftercare.web.line.LineWebhook.newUser;
import static com.aftercare.web.line.LineWebhook.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A LINE answer that did not go says why in the operator's language on the inquiry page (one
 * message per cause, {@code LineFailure}), with LINE's or the dispatcher's own English only in the
 * tooltip for an admin.
 */
@AftercareIntegrationTest
class LineFailureWordsTest extends LineIntegrationTest {

    static final String SECRET = "fa11ur3w0rd5s3cr3t0123456789abcd";

    Connected line;

    @BeforeEach
    void connect() {
        line = connectNewStorefront(SECRET);
    }

    @Test
    void shouldSayInJapaneseThatTheCustomerBlockedTheAccountKeepingTheRawReasonInTheTooltip() throws Exception {
        String user = newUser();
        line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "問い合わせです", false));
        line.webhook().signed(event(UUID.randomUUID().toString(), "unfollow", user, "", false));
        String reference = rows().referenceOf(user);
        long reply = inquiries.reply(new Inquiries.Reply(reference, "admin", "ご連絡ありがとうございます。"));
        dispatcher.dispatchDue();

        Element push = pushOnPage(reference, reply);

        assertThat(push.text())
                .startsWith("LINE: 送信できませんでした")
                .contains("お客様が LINE 公式アカウントをブロックしているため、送信していません。")
                .doesNotContain("UNFOLLOWED");
        assertThat(push.getElementById("line-failure-" + reply).attr("title")).startsWith("UNFOLLOWED");
    }

    @Test
    void shouldSayThatLineRefusedAPushWithoutShowingLinesAnswer() throws Exception {
        String user = newUser();
        line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "交換できますか", false));
        rows().expireReplyTokens(user);
        String reference = rows().referenceOf(user);
        long reply = inquiries.reply(new Inquiries.Reply(reference, "admin", "交換できます。"));
        LINE.answerNextPush(400);
        dispatcher.dispatchDue();

        Element push = pushOnPage(reference, reply);

        assertThat(rows().statuses(user)).containsExactly("FAILED");
        assertThat(push.text())
                .contains("LINE に受け付けられませんでした")
                .doesNotContain("LINE refused")
                .doesNotContain("400");
        assertThat(push.getElementById("line-failure-" + reply).attr("title")).startsWith("LINE refused it (400)");
    }

    private Element pushOnPage(String reference, long message) {
        String page = ConsoleClient.loggedInAsAdmin(port)
                .get("/console/inquiries/" + reference)
                .body();
        Element push = Jsoup.parse(page).getElementById("line-push-" + message);
        assertThat(push).as(page).isNotNull();
        return push;
    }
}
