package com.aftercare.web.line;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.line.LineDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
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

    LineRows rows() {
        return new LineRows(jdbc);
    }
}
