package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryQueue;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/** What the queue answers htmx (fragments) and a plain browser (pages) at the same addresses. */
@AftercareIntegrationTest
class InquiryPartialsHttpTest {

    private static final Pattern NEXT = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Inquiries inquiries;

    /** Opened here and resolved after each test: other tests expect their own work on the first page. */
    final List<String> opened = new ArrayList<>();

    @AfterEach
    void resolveWhatWasOpened() {
        opened.forEach(reference -> inquiries.resolve(reference, "admin"));
    }

    @Test
    void shouldAnswerLoadMoreWithTheNextRowsAndAFreshPagerAndAPlainRequestWithThePage() {
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        // more than a page of open work, whatever else the database holds
        for (int i = 0; i <= InquiryQueue.PAGE_SIZE; i++) {
            Api.Answer answer =
                    api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                            {"channel": "EMAIL", "customer": {"email": "%s", "name": "田中 太郎"},
                             "subject": "在庫について", "body": "在庫はありますか。"}
                            """.formatted(
                                    Events.unique("page") + "@example.jp")));
            assertThat(answer.status()).isEqualTo(201);
            opened.add(answer.json().get("reference").asString());
        }
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        HttpResponse<String> first = console.get("/console/inquiries");
        Matcher next = NEXT.matcher(first.body());
        assertThat(next.find()).as("a next-page link").isTrue();
        String nextPage = HtmlUtils.htmlUnescape(next.group(1));

        HttpResponse<String> more = console.getAsHtmx(nextPage);

        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body().strip())
                .startsWith("<tr")
                .doesNotContain("<html")
                .doesNotContain("<thead");
        assertThat(more.body()).contains("id=\"more\"").contains("hx-swap-oob=\"true\"");
        assertThat(more.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));
        HttpResponse<String> plain = console.get(nextPage);
        assertThat(plain.body()).contains("<html").contains("<thead");
    }

    @Test
    void shouldAnswerAFilterChangeWithTheListAlone() {
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);

        HttpResponse<String> list = console.getAsHtmx("/console/inquiries?filter=mine");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body().strip()).startsWith("<div id=\"queue-list\"").doesNotContain("<html");
        assertThat(list.body()).contains("id=\"filter-mine\"");
    }
}
