package com.aftercare.web.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code ?lang=} takes {@code ja} or {@code en}; anything else is a 400 page saying so, and
 * nothing is remembered. A language cookie that is no locale is ignored (Japanese), so it cannot
 * lock anyone out; the API ignores {@code lang} altogether.
 */
@AftercareIntegrationTest
class LanguageTest {

    static final String WHICH_LANGUAGES = "表示言語は日本語（lang=ja）か英語（lang=en）を指定してください";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"..%2F..", "xx", "ja_JP_x_y_z", "%20"})
    void shouldRefuseAnUnknownLanguageOnTheLoginPageAndRememberNothing(String lang) {
        HttpResponse<String> page = new ConsoleClient(port).get("/login?lang=" + lang);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains(WHICH_LANGUAGES);
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("aftercare-lang"));
    }

    @Test
    void shouldRefuseAnUnknownLanguageOnThePortal() {
        HttpResponse<String> page = new ConsoleClient(port).get("/portal?lang=..%2F..");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains(WHICH_LANGUAGES);
    }

    @Test
    void shouldRefuseAnUnknownLanguageInTheConsoleInTheLanguageAlreadyChosen() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        assertThat(admin.get("/console?lang=en").statusCode()).isEqualTo(200);

        HttpResponse<String> page = admin.get("/console/customers?lang=..%2F..");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("The language must be Japanese (lang=ja) or English (lang=en)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/login", "/portal", "/portal/faq"})
    void shouldIgnoreALanguageCookieThatIsNoLocale(String path) {
        HttpResponse<String> page = new ConsoleClient(port).get(path, "Cookie", "aftercare-lang=..%2F..");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ja\"");
    }

    @Test
    void shouldIgnoreAMalformedLanguageCookieInTheConsole() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);

        admin.addCookie("aftercare-lang", "..%2F..");

        HttpResponse<String> page = admin.get("/console");

        assertThat(page.statusCode()).as(page.headers().map().toString()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ja\"");
    }

    @Test
    void shouldIgnoreLangOnTheApi() {
        Api api = new Api(port, TestStorefronts.create(storefronts).key());

        Api.Answer answer = api.get("/api/v1/orders/NO-SUCH-ORDER?lang=..%2F..");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }
}
