package com.aftercare.web.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.line.LineDispatcher;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every LINE test class shares: one in-process LINE ({@link FakeLine}) for the whole run, so
 * the classes share one application context pointed at it (never closed by a class: the next
 * class's cached context still talks to it), the channel access token LINE takes, and the beans
 * the tests drive. Each class keeps its own channel secret and storefronts; LINE's records are
 * told apart by the unique users and texts each test makes.
 */
@AftercareIntegrationTest
abstract class LineIntegrationTest {

    static final String TOKEN = "it-line-channel-access-token-0123456789";
    static final FakeLine LINE = FakeLine.started(TOKEN);

    @DynamicPropertySource
    static void line(DynamicPropertyRegistry registry) {
        registry.add("aftercare.line.api-base-url", LINE::url);
        registry.add("aftercare.line.data-api-base-url", LINE::url);
        registry.add("aftercare.line.dispatcher.request-timeout", () -> "3s");
    }

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    LineChannels channels;

    @Autowired
    LineDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inquiries inquiries;

    LineRows rows() {
        return new LineRows(jdbc);
    }

    /** The details of each audit record of {@code action} about the storefront (a setting of its LINE page). */
    List<String> auditedOn(String action, StorefrontId storefront) {
        return jdbc.sql("select details::text from audit_log where action = :action and target_id = :id")
                .param("action", action)
                .param("id", String.valueOf(storefront.value()))
                .query(String.class)
                .list();
    }

    /** A storefront of the test's own with a LINE channel under {@code secret}, and LINE's side of its webhook. */
    record Connected(TestStorefront storefront, LineWebhook webhook) {}

    Connected connectNewStorefront(String secret) {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        channels.save(storefront.id(), secret, TOKEN, "test");
        return new Connected(storefront, new LineWebhook(port, storefront.code(), secret));
    }

    /**
     * A setting of a storefront's LINE page ({@code page} + {@code /setting}) posted where it cannot
     * go: a storefront without a channel (400, the page asks for the channel first), an unknown
     * storefront (404), and without the CSRF token (403).
     */
    void assertRefusedBeyondAConnectedStorefront(
            ConsoleClient admin, String page, String setting, Map<String, String> fields) {
        TestStorefront bare = TestStorefronts.create(storefronts);
        String barePage = "/console/admin/storefronts/" + bare.id().value() + "/line";

        var unconnected = admin.postForm(barePage, barePage + "/" + setting, fields);

        assertThat(unconnected.statusCode()).isEqualTo(400);
        assertThat(unconnected.body()).contains("先にこのストアの LINE チャネルを保存してください。");
        assertThat(admin.postForm(page, "/console/admin/storefronts/999999999/line/" + setting, fields)
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.postWithoutToken(page + "/" + setting, fields).statusCode())
                .isEqualTo(403);
    }
}
