package com.aftercare.web.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.Publications;
import com.aftercare.web.support.TestScenarios;
import com.aftercare.web.support.TestStorefronts;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crash between an order event's commit and an after-commit listener must delay what the
 * listener does, not lose it. The listener here is step mail's enrolment on a delivered order
 * (the thank-you mail is queued in the order's own transaction and has no such gap). The crash
 * is staged in the database: the enrolment the listener made is removed and its publication put
 * back to "never completed", as if the process had died in between.
 */
@AftercareIntegrationTest
class StalledEventRetryTest {

    private static final String ENROLMENT_LISTENER_CLASS = "ScenarioEnrolment";
    private static final String ENROLMENT_LISTENER = "%" + ENROLMENT_LISTENER_CLASS + "%";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StalledEventRetry retry;

    @Test
    void shouldRunAListenerAgainWhenItsPublicationWasNeverCompleted() {
        TestStorefronts.TestStorefront storefront = TestStorefronts.create(storefronts);
        long scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "TRANSACTIONAL")
                .id();
        Api api = new Api(port, storefront.key());
        String number = Events.unique("C");
        api.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("crash") + "@example.jp"));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, "2026-11-25T10:00:00+09:00"));
        long orderId = jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
        String order = "\"order\":{\"value\":" + orderId + "}";
        String publication = "%" + order + "%";
        await().atMost(Duration.ofSeconds(20)).until(() -> enrolments(scenario, orderId) == 1);
        Publications.awaitCompletedOnce(jdbc, ENROLMENT_LISTENER_CLASS, "OrderDelivered", order);

        jdbc.sql("""
                        delete from step_mail where enrolment_id in
                            (select id from enrolment where scenario_id = :scenario and order_id = :order)
                        """).param("scenario", scenario).param("order", orderId).update();
        jdbc.sql("delete from enrolment where scenario_id = :scenario and order_id = :order")
                .param("scenario", scenario)
                .param("order", orderId)
                .update();
        jdbc.sql("""
                        update event_publication
                        set completion_date = null, status = 'PUBLISHED', publication_date = now() - interval '10 minutes'
                        where serialized_event like :p and listener_id like :l and event_type like '%OrderDelivered'
                        """).param("p", publication).param("l", ENROLMENT_LISTENER).update();
        assertThat(enrolments(scenario, orderId)).isZero();

        retry.resubmit();

        await().atMost(Duration.ofSeconds(20)).until(() -> enrolments(scenario, orderId) == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                                        select count(*) from event_publication
                                         where completion_date is null and serialized_event like :p and listener_id like :l
                                        """)
                                .param("l", ENROLMENT_LISTENER)
                                .param("p", publication)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private long enrolments(long scenario, long order) {
        return jdbc.sql("select count(*) from enrolment where scenario_id = :scenario and order_id = :order")
                .param("scenario", scenario)
                .param("order", order)
                .query(Long.class)
                .single();
    }
}
