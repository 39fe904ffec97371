package com.aftercare.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.privacy.PrivacyFixtures.Person;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A disclosure (開示): everything held about one customer, from every module, as JSON and CSV; audited. */
@AftercareIntegrationTest
class CustomerDisclosureTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    Person person;
    String number;
    String reference;
    long customer;
    ConsoleClient admin;

    @BeforeEach
    void aCustomerWithAnOrderAndAnInquiry() {
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        person = Person.unique();
        number = PrivacyFixtures.placeOrder(
                api, person, Events.unique("R"), Events.unique("SKU"), "2026-11-23T10:15:30+09:00");
        reference = PrivacyFixtures.openInquiry(api, person, number);
        customer = PrivacyFixtures.customerId(jdbc, person);
        admin = ConsoleClient.loggedInAsAdmin(port);
    }

    @Test
    void shouldExportEverySectionAsJsonAndAuditTheExport() {
        HttpResponse<byte[]> file = admin.download(path() + "/disclosure.json");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(file.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode sections = JsonMapper.builder().build().readTree(file.body()).get("sections");
        assertThat(sections.propertyNames())
                .contains("customer", "orders", "order-lines", "consents", "coupons", "notes", "audit", "mails")
                .contains("inquiries", "inquiry-messages", "inquiry-attachments", "satisfaction")
                .contains("claims", "claim-photos", "step-mails", "newsletters");
        assertThat(sections.get("customer").get(0).get("email").asString()).isEqualTo(person.email());
        assertThat(sections.get("customer").get(0).get("phone").asString()).isEqualTo(person.phone());
        assertThat(sections.get("orders").get(0).get("order_number").asString()).isEqualTo(number);
        assertThat(sections.get("orders").get(0).get("ship_address").asString()).isEqualTo(person.address());
        assertThat(sections.get("inquiries").get(0).get("reference").asString()).isEqualTo(reference);
        assertThat(sections.get("inquiry-messages").get(0).get("body").asString())
                .contains(person.phone());
        assertThat(audited("json")).isEqualTo(1);
    }

    @Test
    void shouldExportTheSameAsACsvThatJapaneseExcelOpens() {
        HttpResponse<byte[]> file = admin.download(path() + "/disclosure.csv");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(file.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst())
                .hasValueSatisfying(h -> assertThat(h).contains("区分", "項目", "値"));
        // sections and fields in words: the file is handed to the person who asked
        assertThat(text)
                .contains("顧客,1,メールアドレス," + person.email())
                .contains("注文,1,注文番号," + number)
                .contains("問い合わせ,1,問い合わせ番号," + reference);
        assertThat(audited("csv")).isEqualTo(1);
    }

    @Test
    void shouldNameTheSectionsAndFieldsInEnglishForAnEnglishConsole() {
        admin.addCookie("aftercare-lang", "en");

        String text = new String(admin.download(path() + "/disclosure.csv").body(), StandardCharsets.UTF_8);

        assertThat(text.lines().findFirst()).hasValue("\uFEFFSection,Row,Field,Value");
        assertThat(text)
                .contains("Customer,1,Email," + person.email())
                .contains("Orders,1,Order number," + number)
                .contains("Inquiries,1,Reference," + reference);
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomerAnd400ForAnUnknownCharset() {
        assertThat(admin.get("/console/customers/999999999/privacy/disclosure.json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.get(path() + "/disclosure.csv?charset=latin-1").statusCode())
                .isEqualTo(400);
    }

    private long audited(String format) {
        return jdbc.sql("""
                        select count(*) from audit_log where action = 'customer.disclosed'
                           and target_id = cast(:c as text) and details ->> 'format' = :format
                        """)
                .param("c", customer)
                .param("format", format)
                .query(Long.class)
                .single();
    }

    private String path() {
        return "/console/customers/" + customer + "/privacy";
    }
}
