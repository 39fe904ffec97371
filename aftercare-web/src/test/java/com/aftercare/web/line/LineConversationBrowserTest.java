package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.imageEvent;
import static com.aftercare.web.line.LineWebhook.newMessageId;
import static com.aftercare.web.line.LineWebhook.newUser;
import static com.aftercare.web.line.LineWebhook.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.shared.BodyHmac;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * Issue #12's "done when", in a real headless Chromium: a signed LINE webhook with a text and a
 * picture arrives, the operator finds the conversation in the queue with the picture shown, answers
 * it in the console, and LINE ({@link FakeLine}, checking paths, headers and bodies as LINE
 * documents them) receives the answer by reply token, and a later one by push under a retry key;
 * a redelivered webhook makes no second message; a webhook with a bad signature stores nothing and answers 401. Screenshots of the pages go to
 * {@code target/screenshots} for a person to look at.
 */
@AftercareIntegrationTest
class LineConversationBrowserTest extends LineIntegrationTest {

    static final String SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @RegisterExtension
    static final Browser browser = new Browser();

    TestStorefront storefront;
    LineWebhook webhook;

    @BeforeEach
    void connect() {
        Connected connected = connectNewStorefront(SECRET);
        storefront = connected.storefront();
        webhook = connected.webhook();
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    @Test
    void shouldShowALineConversationWithItsPictureAndSendTheOperatorsAnswersBackToLine() throws Exception {
        String user = newUser();
        LINE.content(photo());
        String first = textEvent(UUID.randomUUID().toString(), user, "届いた箱がへこんでいました。写真を送ります。", false);
        assertThat(webhook.signed(first).statusCode()).isEqualTo(200);
        // LINE sends the same event again (same webhookEventId and message, now marked as redelivered)
        String redelivered = first.replace("\"isRedelivery\": false", "\"isRedelivery\": true");
        assertThat(redelivered).isNotEqualTo(first);
        assertThat(webhook.signed(redelivered).statusCode()).isEqualTo(200);
        assertThat(webhook.signed(imageEvent(user, newMessageId())).statusCode())
                .isEqualTo(200);
        String reference = rows().referenceOf(user);

        TestInquiries.closeAllBut(jdbc, reference);
        browser.open("/console/inquiries");
        WebElement row = browser.waitForVisible(By.id("inquiry-" + reference));
        assertThat(row.getText()).contains("届いた箱がへこんでいました").contains("山田 花子");
        row.findElement(By.linkText(reference)).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/inquiries/" + reference));
        WebElement picture = browser.waitForVisible(By.cssSelector("#messages img.attachment-preview"));
        browser.waitFor(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth === 64", picture));
        assertThat(
                        browser.driver()
                                .findElements(
                                        By.xpath(
                                                "//*[@id='messages']//*[contains(@class, 'body') and contains(., '届いた箱がへこんでいました。写真を送ります。')]")))
                .as("the redelivered webhook made no second message")
                .hasSize(1);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", picture);
        screenshot("line-conversation");

        browser.type(By.id("reply-body"), "ご迷惑をおかけしました。交換品をお送りします。");
        browser.driver().findElement(By.id("send-reply")).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals("返信しました。"));
        dispatcher.dispatchDue();
        rows().expireReplyTokens(user);
        browser.type(By.id("reply-body"), "発送しました。");
        browser.driver().findElement(By.id("send-reply")).click();
        browser.waitFor(d -> d.findElement(By.id("messages")).getText().contains("発送しました。"));
        dispatcher.dispatchDue();

        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("交換品をお送りします"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/v2/bot/message/reply");
                    assertThat(r.answered()).isEqualTo(200);
                    assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
                    assertThat(r.headers().get("content-type")).isEqualTo("application/json");
                    assertThat(r.headers()).doesNotContainKey("x-line-retry-key");
                    assertThat(r.json().get("replyToken").asString()).isEqualTo("t-" + user);
                    assertThat(r.json().get("messages").get(0).get("type").asString())
                            .isEqualTo("text");
                });
        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("発送しました。"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/v2/bot/message/push");
                    assertThat(r.answered()).isEqualTo(200);
                    assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
                    assertThat(r.headers().get("x-line-retry-key")).matches("[0-9a-f-]{36}");
                    assertThat(r.json().get("to").asString()).isEqualTo(user);
                });
        assertThat(LINE.delivered()).contains("ご迷惑をおかけしました。交換品をお送りします。", "発送しました。");
        browser.open("/console/inquiries/" + reference);
        browser.waitFor(d -> d.findElements(By.cssSelector(".line-push-sent")).size() == 2);
    }

    @Test
    void shouldStoreNothingAndAnswer401ForABadSignature() throws Exception {
        String user = newUser();
        String body = textEvent(UUID.randomUUID().toString(), user, "偽物です", false);

        assertThat(webhook.post(body, BodyHmac.signBase64("not-the-channel-secret-0123456789", LineWebhook.bytes(body)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from line_identity where line_user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from inquiry_message where body = '偽物です'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldShowTheAdminTheLinePageAndTheBotNameLineAnswers() throws IOException {
        browser.open("/console/admin/storefronts/" + storefront.id().value() + "/line");
        browser.driver().findElement(By.id("check")).click();

        assertThat(browser.waitForVisible(By.id("check-result")).getText()).contains(FakeLine.BOT_NAME);
        screenshot("line-admin");
    }

    /** A real 64×48 JPEG, so the browser has something to decode. */
    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xC8, 0xA0, 0x6E));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(10, 10, 50, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path shot = ((TakesScreenshot) browser.driver())
                .getScreenshotAs(OutputType.FILE)
                .toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
