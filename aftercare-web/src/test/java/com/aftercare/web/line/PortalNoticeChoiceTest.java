package com.aftercare.web.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.PortalLinks;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer chooses on the portal's order page whether the storefront's notices come on LINE
 * or by mail: offered only to a customer whose LINE account there is linked while the storefront
 * sends notices on LINE, audited as the customer's, bad values answered with 400 and nothing
 * changed, nothing without the CSRF token or the order's link.
 */
@AftercareIntegrationTest
class PortalNoticeChoiceTest extends LinkedCustomerScene {

    @Autowired
    PortalOrderLinks links;

    String token;
    String orderPage;
    ConsoleClient customerBrowser;

    @BeforeEach
    void theOrdersPortalPage() {
        token = PortalLinks.token(jdbc, links, number);
        orderPage = "/portal/order?token=" + token;
        customerBrowser = new ConsoleClient(port);
    }

    @Test
    void shouldLetTheCustomerChooseMailAndBackOnTheOrderPageAudited() {
        noticesOn();
        assertThat(customerBrowser.get(orderPage).body())
                .contains("お知らせの受け取り方")
                .containsPattern("id=\"notices-line\"\\s+checked");

        HttpResponse<String> mail = choose("MAIL");

        assertThat(mail.statusCode()).isEqualTo(302);
        assertThat(noticesBy()).isEqualTo("MAIL");
        assertThat(customerBrowser.get(orderPage).body())
                .contains("これからのお知らせはメールでお送りします。")
                .containsPattern("id=\"notices-mail\"\\s+checked");
        assertThat(auditedChoices()).isEqualTo(1);

        choose("LINE");

        assertThat(noticesBy()).isEqualTo("LINE");
        assertThat(auditedChoices()).isEqualTo(2);
    }

    @Test
    void shouldOfferNothingWhileTheStorefrontSendsNoNoticesOnLineAndRefuseAForgedChoice() {
        // the switch is off by default: the customer's notices go by mail whatever they pick
        assertThat(customerBrowser.get(orderPage).body()).doesNotContain("id=\"notices-form\"");

        HttpResponse<String> forged = choose("MAIL");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("このご注文では選べるものがありません。");
        assertThat(noticesBy()).isNull();
    }

    @Test
    void shouldRefuseAChannelThatIsNeitherLineNorMailAndChangeNothing() {
        noticesOn();

        HttpResponse<String> odd = choose("SMS");
        HttpResponse<String> missing = customerBrowser.postForm(
                "/portal", "/portal/order/notices", Map.of("token", URLDecoder.decode(token, StandardCharsets.UTF_8)));

        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("id=\"notices-error\"").contains("LINE かメールのどちらかを選んでください。");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(noticesBy()).isNull();
        assertThat(auditedChoices()).isZero();
    }

    @Test
    void shouldChangeNothingWithoutTheOrdersLinkOrTheCsrfToken() {
        noticesOn();

        HttpResponse<String> noLink = customerBrowser.postForm(
                "/portal", "/portal/order/notices", Map.of("token", "forged", "channel", "MAIL"));
        HttpResponse<String> noCsrf = new ConsoleClient(port)
                .postWithoutToken(
                        "/portal/order/notices",
                        Map.of("token", URLDecoder.decode(token, StandardCharsets.UTF_8), "channel", "MAIL"));

        assertThat(noLink.statusCode()).isEqualTo(400);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noticesBy()).isNull();
    }

    /** Posted as the order page's form would be (the CSRF token from the lookup page: the order page may have no form). */
    private HttpResponse<String> choose(String channel) {
        return customerBrowser.postForm(
                "/portal",
                "/portal/order/notices",
                Map.of("token", URLDecoder.decode(token, StandardCharsets.UTF_8), "channel", channel));
    }

    private String noticesBy() {
        return jdbc.sql("select notices_by from line_identity where id = :id")
                .param("id", account)
                .query(String.class)
                .list()
                .get(0);
    }

    private long auditedChoices() {
        return jdbc.sql("""
                        select count(*) from audit_log where action = 'line.notices.chosen' and actor = 'customer'
                           and target_id = cast(:id as text)
                        """).param("id", account).query(Long.class).single();
    }
}
