package com.aftercare.web.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.web.console.figures.FiguresRefresh;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A step that reached the customer on LINE instead of by mail is a step-mail touch in the business
 * figures (#15 §1), as the scenario figures count it sent: the customer got it all the same.
 */
@AftercareIntegrationTest
class LineStepFiguresTest extends LinkedCustomerScene {

    @Autowired
    FiguresRefresh refresh;

    @Test
    void shouldCountAStepPushedOnLineAsAStepMailTouch() {
        noticesOn();
        // the scene's order is placed 2026-11-23 10:15; shipped the next day, inside its first 180 days
        api.postEvent(Events.shipped(Events.unique("evt"), number, "2026-11-24T15:00:00+09:00", "4000-5555-6666"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus("shipping-notice") != null);
        clock.setJst("2026-11-24T16:00");
        rounds();
        assertThat(pushedTexts()).singleElement().satisfies(t -> assertThat(t).contains("発送しました"));

        refresh.refresh();

        assertThat(jdbc.sql("select step_mail from customer_purchase where customer_id = :c and storefront_id = :s")
                        .param("c", customer)
                        .param("s", storefront.id().value())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
