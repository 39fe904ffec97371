package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.event;
import static com.aftercare.web.line.LineWebhook.newUser;
import static com.aftercare.web.line.LineWebhook.textEvent;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A customer with an order at a storefront with a LINE channel, whose LINE account there is linked
 * to them (the portal's linking has its own test, {@link LineLinkingTest}), on a clock the test
 * sets: in the past, so the step mail rounds take this test's mails only, as the step mail tests do.
 */
@Import(TestClock.Configuration.class)
abstract class LinkedCustomerScene extends LineIntegrationTest {

    static final String SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Autowired
    TestClock clock;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    MailDispatcher mails;

    TestStorefront storefront;
    Api api;
    String user;
    String email;
    String number;
    long customer;
    long account;
    ConsoleClient admin;

    @BeforeEach
    void aLinkedCustomer() throws Exception {
        clock.setJst("2025-11-20T10:00");
        storefront = TestStorefronts.create(storefronts);
        channels.save(storefront.id(), SECRET, TOKEN, "test");
        api = new Api(port, storefront.key());
        email = Events.unique("line-notice") + "@example.jp";
        number = Events.unique("N");
        placeOrder(true);
        user = newUser();
        webhook().signed(textEvent(UUID.randomUUID().toString(), user, "発送はいつですか", false));
        customer = jdbc.sql("select customer_id from customer_order where order_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
        account = jdbc.sql("""
                        update line_identity set customer_id = :customer, linked_at = now()
                         where line_user_id = :u returning id
                        """)
                .param("customer", customer)
                .param("u", user)
                .query(Long.class)
                .single();
        admin = ConsoleClient.loggedInAsAdmin(port);
    }

    void placeOrder(boolean consent) {
        String id = Events.unique("evt");
        api.postEvent(consent ? Events.placedWithConsent(id, number, email) : Events.placed(id, number, email));
    }

    LineWebhook webhook() {
        return new LineWebhook(port, storefront.code(), SECRET);
    }

    void noticesOn() {
        channels.switchNotices(storefront.id(), true, "test");
    }

    void unfollow() throws Exception {
        webhook().signed(event(UUID.randomUUID().toString(), "unfollow", user, "", false));
    }

    /** The order ships at 15:00; its shipping notice is due then, and the rounds run at 16:00. */
    void ship() {
        shippedAndQueued();
        dispatcher.dispatchDue();
        mails.dispatchDue();
    }

    /** The order shipped and its shipping notice taken by the step mail round at 16:00, not sent yet. */
    void shippedAndQueued() {
        api.postEvent(Events.shipped(Events.unique("evt"), number, "2025-11-20T15:00:00+09:00", "4000-5555-6666"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus("shipping-notice") != null);
        clock.setJst("2025-11-20T16:00");
        scheduler.runDue();
    }

    void rounds() {
        scheduler.runDue();
        dispatcher.dispatchDue();
        mails.dispatchDue();
    }

    /** The texts LINE took for this test's user. */
    List<String> pushedTexts() {
        return pushedTexts(user);
    }

    /** The texts LINE took in pushes to {@code lineUser}. */
    List<String> pushedTexts(String lineUser) {
        return LINE.sends().stream()
                .filter(r -> r.path().equals("/v2/bot/message/push") && r.answered() == 200)
                .filter(r -> lineUser.equals(r.json().path("to").asString("")))
                .map(r -> r.json().get("messages").get(0).get("text").asString())
                .toList();
    }

    String stepStatus(String template) {
        return jdbc.sql("""
                        select m.status from step_mail m join enrolment e on e.id = m.enrolment_id
                          join scenario_step st on st.id = m.step_id join customer_order o on o.id = e.order_id
                         where o.order_number = :n and st.template = :t
                        """)
                .param("n", number)
                .param("t", template)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
