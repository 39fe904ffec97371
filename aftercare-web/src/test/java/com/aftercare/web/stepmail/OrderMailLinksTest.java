package com.aftercare.web.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.templates.ProductTips;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The links and tips follow-up mails carry, built from a real order: the carrier's tracking page,
 * a signed portal link that opens the order's page, the shop's survey page for the order, and
 * each product's usage tips (the SKU's, else its category's), none of which a discreet order's
 * mail shows.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = "aftercare.mail.survey-url=https://review.example/{storefront}/{orderNumber}")
class OrderMailLinksTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Orders orders;

    @Autowired
    Customers customers;

    @Autowired
    OrderMailVariables variables;

    @Autowired
    ProductTips tips;

    @Autowired
    MailTemplateCatalogue templates;

    TestStorefront shop;
    Api api;

    @BeforeEach
    void storefront() {
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
    }

    @Test
    void shouldLinkTheTrackingPageThePortalAndTheSurveyAndShowEachProductsTips() {
        String sku = Events.unique("MUG");
        String category = Events.unique("kitchen");
        tips.save(sku, null, "電子レンジ・食洗機に対応しています。", "test");
        tips.save(null, category, "カテゴリのヒント：空焚きはしないでください。", "test");
        tips.save(null, "apparel", "はじめは単独で、ぬるま湯で手洗いしてください。", "test");
        OrderView order = shipped(placed(false, sku, category));

        Map<String, Object> mail = variables.of(order, customerOf(order));

        assertThat(mail.get("trackingUrl"))
                .isEqualTo("https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=400011112222");
        assertThat(mail.get("surveyUrl")).isEqualTo("https://review.example/" + shop.code() + "/" + order.number());
        String portalUrl = (String) mail.get("portalUrl");
        Api.Answer portal = new Api(port, null).get(portalUrl.substring(portalUrl.indexOf("/portal/")));
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.body()).contains(order.number());
        List<Object> lineTips = ((List<?>) mail.get("lines"))
                .stream()
                        .map(line -> ((Map<?, ?>) line).get("tips"))
                        .map(Object.class::cast)
                        .toList();
        assertThat(lineTips).containsExactly("はじめは単独で、ぬるま湯で手洗いしてください。", "電子レンジ・食洗機に対応しています。");

        String text = templates.render("usage-tips", "ja", null, mail).text();
        assertThat(text).contains("■有田焼マグカップ\n電子レンジ・食洗機に対応しています。");
        assertThat(templates.render("shipping-notice", "ja", null, mail).text())
                .contains((String) mail.get("trackingUrl"));
        assertThat(templates.render("anything-wrong", "ja", null, mail).text()).contains(portalUrl);
        assertThat(templates
                        .render("review-request", "en", null, withFooter(mail))
                        .text())
                .contains("Tell us here: " + mail.get("surveyUrl"));
    }

    @Test
    void shouldFallBackToTheCategorysTipsAndShowNoProductOfADiscreetOrder() {
        String category = Events.unique("kitchen");
        tips.save(null, category, "カテゴリのヒント：空焚きはしないでください。", "test");
        OrderView open = placed(false, Events.unique("MUG"), category);
        OrderView discreet = placed(true, Events.unique("MUG"), category);

        Map<String, Object> openMail = variables.of(open, customerOf(open));
        Map<String, Object> discreetMail = variables.of(discreet, customerOf(discreet));

        assertThat(templates.render("usage-tips", "ja", null, openMail).text()).contains("カテゴリのヒント：空焚きはしないでください。");
        assertThat(openMail.get("trackingUrl")).as("not shipped yet").isEqualTo("");
        String discreetText =
                templates.render("usage-tips", "ja", null, discreetMail).text();
        assertThat(discreetText).doesNotContain("有田焼マグカップ").doesNotContain("カテゴリのヒント");
        assertThat(discreetMail.get("lines")).isEqualTo(List.of());
    }

    private Map<String, Object> withFooter(Map<String, Object> mail) {
        Map<String, Object> promotional = new java.util.HashMap<>(mail);
        promotional.put("unsubscribeUrl", "https://shop.example/portal/unsubscribe?token=t");
        promotional.put("shopAddress", "東京都渋谷区神宮前1-2-3");
        return promotional;
    }

    /** An order of a shirt (category apparel) and a mug of the given SKU and category. */
    private OrderView placed(boolean discreet, String mugSku, String mugCategory) {
        String number = Events.unique("L");
        String event = Events.placed(Events.unique("evt"), number, Events.unique("links") + "@example.jp", discreet)
                .replace("\"sku\": \"MUG-02\"", "\"sku\": \"" + mugSku + "\"")
                .replace("\"category\": \"kitchen\"", "\"category\": \"" + mugCategory + "\"");
        assertThat(api.postEvent(event).status()).isEqualTo(200);
        return awaitOrder(number, o -> true);
    }

    private OrderView shipped(OrderView order) {
        assertThat(api.postEvent(Events.shipped(
                                Events.unique("evt"), order.number(), "2026-11-24T10:00:00+09:00", "4000-1111-2222"))
                        .status())
                .isEqualTo(200);
        return awaitOrder(order.number(), o -> o.trackingNumber() != null);
    }

    private OrderView awaitOrder(String number, java.util.function.Predicate<OrderView> ready) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> orders.find(shop.id(), new OrderNumber(number)).orElse(null),
                        o -> o != null && ready.test(o));
    }

    private CustomerView customerOf(OrderView order) {
        return customers.find(order.customer()).orElseThrow();
    }
}
