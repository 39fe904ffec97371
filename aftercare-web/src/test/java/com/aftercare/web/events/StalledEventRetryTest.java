package com.aftercare.web.events;

import static org.awaitility.Awaitility.await;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crash between the order's commit and its listener must delay the thank-you mail, not lose
 * it. The crash is staged in the database: the mail the listener queued is removed and its
 * publication put back to "never completed", as if the process had died in between.
 */
@AftercareIntegrationTest
class StalledEventRetryTest {

    /** The order's thank-you listener; other listeners (step mail) hear the same event. */
    private static final String THANKS_LISTENER = "%OrderThanksMail%";

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
        String email = Events.unique("crash") + "@example.jp";
        new Api(port, TestStorefronts.create(storefronts).key())
                .postEvent(Events.placed(Events.unique("evt"), Events.unique("C"), email));
        long orderId = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("select order_id from outbound_mail where to_address = :to")
                                .param("to", email)
                                .query(Long.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String publication = "%\"order\":{\"value\":" + orderId + "}%";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "select count(*) from event_publication where completion_date is not null and serialized_event like :p and listener_id like :l")
                                .param("l", THANKS_LISTENER)
                                .param("p", publication)
                                .query(Long.class)
                                .single()
                        == 1);

        jdbc.sql("delete from outbound_mail where to_address = :to")
                .param("to", email)
                .update();
        jdbc.sql("""
                        update event_publication
                        set completion_date = null, status = 'PUBLISHED', publication_date = now() - interval '10 minutes'
                        where serialized_event like :p and listener_id like :l
                        """).param("p", publication).param("l", THANKS_LISTENER).update();

        retry.resubmit();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from outbound_mail where to_address = :to")
                                .param("to", email)
                                .query(Long.class)
                                .single()
                        == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "select count(*) from event_publication where completion_date is null and serialized_event like :p and listener_id like :l")
                                .param("l", THANKS_LISTENER)
                                .param("p", publication)
                                .query(Long.class)
                                .single()
                        == 0);
    }
}
