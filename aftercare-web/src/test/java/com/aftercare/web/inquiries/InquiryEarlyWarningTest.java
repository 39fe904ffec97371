package com.aftercare.web.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Unhappy customers rise in the queue: words of complaint, a second contact about one order. */
@AftercareIntegrationTest
class InquiryEarlyWarningTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String email;

    @BeforeEach
    void storefront() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
        email = Events.unique("warn") + "@example.jp";
    }

    @Test
    void shouldFlagAnInquiryWrittenInWordsOfComplaint() {
        String reference = open(null, "商品が壊れていて最悪です。");

        assertThat(flagOf(reference)).isEqualTo("COMPLAINT_WORDS:最悪");
    }

    @Test
    void shouldFlagTheSecondContactAboutTheSameOrderWithinAWeek() {
        String number = Events.unique("E");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));

        String first = open(number, "お届け日を教えてください。");
        String second = open(number, "まだ届きません。");

        assertThat(flagOf(first)).isNull();
        assertThat(flagOf(second)).isEqualTo("REPEAT_CONTACT:" + first);
    }

    @Test
    void shouldLeaveAnOrdinaryQuestionUnflagged() {
        assertThat(flagOf(open(null, "ギフト包装はできますか。"))).isNull();
    }

    private String open(String orderNumber, String body) {
        return api.openInquiry(email, orderNumber, body);
    }

    /** The early warning as code:argument, the way it is stored (never words). */
    private String flagOf(String reference) {
        // null when not flagged (JdbcClient's single() refuses a null value)
        return jdbc.sql(
                        "select case when flagged then flag_code || ':' || flag_reason else '' end from inquiry where reference = :r")
                .param("r", reference)
                .query(String.class)
                .single()
                .transform(reason -> reason.isEmpty() ? null : reason);
    }
}
