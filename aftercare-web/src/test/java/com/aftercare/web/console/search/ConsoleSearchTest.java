package com.aftercare.web.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console search over HTTP on real PostgreSQL: Japanese words of any length in what customers
 * wrote, names in kanji or kana, email, phone and order number, nothing that does not match,
 * personal data masked, and bad input answered with a field message.
 */
@AftercareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient console;
    String email;
    String number;
    String name;
    String kana;
    String phone;
    String word;
    String reference;
    long customerId;

    // Once for the class: every test only reads, and the queue other tests look at stays short.
    @BeforeAll
    void aCustomerWithAnOrderAndAnInquiry() {
        console = ConsoleClient.loggedInAsAdmin(port);
        email = Events.unique("Search") + "@Example.jp";
        number = Events.unique("S");
        name = "検索 " + kanji(2);
        kana = "ケンサク " + katakana(4);
        phone = "080-" + digits(4) + "-" + digits(4);
        word = kanji(2);
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        api.postEvent(Events.placed(Events.unique("evt"), number, email)
                .replace("山田 花子", name)
                .replace("ヤマダ ハナコ", kana)
                .replace("090-1234-5678", phone));
        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "%s"}, "orderNumber": "%s",
                         "subject": "商品について", "body": "先日の%sが、まだ届いていません。"}
                        """.formatted(
                                email, name, number, word)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        reference = answer.json().get("reference").asString();
        customerId = jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", email.toLowerCase())
                .query(Long.class)
                .single();
    }

    @Test
    void shouldFindAnInquiryByATwoCharacterWordInWhatTheCustomerWrote() {
        HttpResponse<String> found = search(word);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("id=\"inquiry-" + reference + "\"").contains("商品について");
    }

    @Test
    void shouldFindNothingForAWordNobodyWrote() {
        String other = kanji(2);
        HttpResponse<String> none = search(other);

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).doesNotContain(reference).doesNotContain("/console/customers/" + customerId + "\"");
        assertThat(none.body().split("見つかりませんでした", -1)).hasSize(4);
    }

    @Test
    void shouldRequireEveryWordOfTheSearch() {
        assertThat(search(word + " 商品").body()).contains(reference);
        assertThat(search(word + " " + kanji(2)).body()).doesNotContain(reference);
    }

    @Test
    void shouldFindTheCustomerByNameInKanjiAndByKanaWrittenAnyWay() {
        String given = kana.substring(kana.indexOf(' ') + 1);
        String hiragana = given.chars()
                .map(c -> c - 0x60)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();

        assertThat(search(name.replace(" ", "")).body()).contains(customerRow());
        assertThat(search(given).body()).contains(customerRow());
        assertThat(search(hiragana).body()).contains(customerRow());
    }

    @Test
    void shouldFindTheCustomerByKanaInHalfWidth() {
        String given = kana.substring(kana.indexOf(' ') + 1);

        assertThat(search(halfWidth(given)).body()).contains(customerRow());
    }

    @Test
    void shouldFindTheCustomerByEmailWhateverTheCase() {
        assertThat(search(email.toUpperCase()).body()).contains(customerRow());
        assertThat(search(email.substring(0, email.indexOf('@'))).body()).contains(customerRow());
    }

    @Test
    void shouldFindTheCustomerByPhoneWithOrWithoutHyphensAndInFullWidthDigits() {
        assertThat(search(phone).body()).contains(customerRow());
        assertThat(search(phone.replace("-", "")).body()).contains(customerRow());
        assertThat(search(fullWidth(phone.replace("-", "－"))).body()).contains(customerRow());
        assertThat(search(phone.substring(phone.length() - 4)).body()).contains(customerRow());
    }

    @Test
    void shouldFindTheOrderByItsNumberAndLinkItsCustomer() {
        HttpResponse<String> found = search(number.toLowerCase());

        assertThat(found.body()).contains(number).contains("/console/customers/" + customerId);
    }

    @Test
    void shouldShowPersonalDataMaskedInTheResults() {
        String body = search(name).body();

        assertThat(body)
                .contains(customerRow())
                .contains("Se***@Example.jp")
                .contains(phone.substring(0, 3) + "-****-" + phone.substring(phone.length() - 4))
                .doesNotContain(email)
                .doesNotContain(phone)
                .doesNotContain(phone.replace("-", ""));
    }

    @Test
    void shouldFindAOneCharacterTerm() {
        String rare = rareCharacter();
        new Api(port, TestStorefronts.create(storefronts).key())
                .post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "EMAIL", "customer": {"email": "%s", "name": "一文字"},
                         "subject": "%s", "body": "一文字の言葉"}
                        """.formatted(
                                Events.unique("one") + "@example.jp", rare)));

        assertThat(search(rare, "inquiries").body()).contains(rare);
    }

    @Test
    void shouldAnswerABlankSearchWithAFieldMessage() {
        for (String blank : new String[] {"", "   ", "\u3000"}) {
            HttpResponse<String> answer = search(blank);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("探す言葉を入力してください").contains("aria-invalid=\"true\"");
        }
    }

    @Test
    void shouldAnswerATooLongSearchWithAFieldMessage() {
        HttpResponse<String> answer = search("配".repeat(101));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("100 文字以内で入力してください");
    }

    @Test
    void shouldRefuseAMegabyteSearchWithoutAServerError() {
        HttpResponse<String> answer = console.get("/console/search?q=" + "x".repeat(1 << 20));

        assertThat(answer.statusCode()).isBetween(400, 499);
    }

    @Test
    void shouldRefuseAMalformedPageCursorWithoutAServerError() {
        HttpResponse<String> answer = console.get("/console/search?in=inquiries&q=" + encode(word) + "&before=abc");

        assertThat(answer.statusCode()).isBetween(400, 499);
    }

    @Test
    void shouldShowAnEmptySearchFormBeforeAnythingIsAsked() {
        HttpResponse<String> form = console.get("/console/search");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"search-form\"").doesNotContain("field-error");
    }

    @Test
    void shouldSendVisitorsWhoAreNotLoggedInToTheLoginPage() {
        HttpResponse<String> answer = new ConsoleClient(port).get("/console/search?q=" + encode(word));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private String customerRow() {
        return "id=\"customer-" + customerId + "\"";
    }

    private HttpResponse<String> search(String q) {
        return console.get("/console/search?q=" + encode(q));
    }

    private HttpResponse<String> search(String q, String group) {
        return console.get("/console/search?in=" + group + "&q=" + encode(q));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Random common kanji: a word no other test wrote. */
    static String kanji(int length) {
        return random(0x4E00, 0x9FA0, length);
    }

    private static String katakana(int length) {
        // ア..モ: full-width katakana that half-width katakana can write one to one.
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return out.toString();
    }

    private static String halfWidth(String katakana) {
        String full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ";
        String half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓ";
        StringBuilder out = new StringBuilder();
        katakana.chars().forEach(c -> out.append(half.charAt(full.indexOf(c))));
        return out.toString();
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
        return out.toString();
    }

    private static String digits(int length) {
        return random('0', '9' + 1, length);
    }

    /** One character from CJK Extension A, which nothing else in the suite writes. */
    private static String rareCharacter() {
        return random(0x3400, 0x4DB5, 1);
    }

    private static String random(int from, int to, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(ThreadLocalRandom.current().nextInt(from, to));
        }
        return out.toString();
    }
}
