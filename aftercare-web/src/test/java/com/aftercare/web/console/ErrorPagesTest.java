package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** People get pages, programs get problems: the same failure, answered for whoever asked. */
@AftercareIntegrationTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Test
    void shouldShowAPersonTheFriendlyNotFoundPageForAnUnknownConsolePath() {
        HttpResponse<String> page = ConsoleClient.loggedInAsAdmin(port).get("/console/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void shouldGiveAStorefrontAProblemForAnUnknownApiPath() {
        Api.Answer answer = new Api(port, TestStorefronts.create(storefronts).key()).get("/api/v1/no-such-thing");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }
}
