package com.aftercare.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person with values found nowhere else in the database (name, email, phone, address), so a test
 * can look for them in every table, and what they did at one storefront.
 */
final class PrivacyFixtures {

    private PrivacyFixtures() {}

    record Person(String tag, String name, String email, String phone, String address) {

        static Person unique() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String tag = Events.unique("p").substring(2, 10);
            return new Person(
                    tag,
                    "消去 太郎" + tag,
                    Events.unique("erase") + "@example.jp",
                    "090-%04d-%04d".formatted(random.nextInt(10000), random.nextInt(10000)),
                    "渋谷区神宮前" + tag + "番地");
        }

        /** The family name alone is too common to look for; the given name carries the tag. */
        String familyName() {
            return name.substring(0, name.indexOf(' '));
        }

        String givenName() {
            return name.substring(name.indexOf(' ') + 1);
        }

        /** The phone as the database normalises it (digits only). */
        String phoneDigits() {
            return phone.replace("-", "");
        }

        /** The parcel number of their order: it leads to the carrier's record of their address. */
        String tracking() {
            return "TRK" + tag;
        }

        /** The storefront's own id of them (customer.registered). */
        String storefrontRef() {
            return "CUST-" + tag;
        }
    }

    /** An order of the person (two shirts at ¥1,800 and a mug at ¥2,400, ¥550 shipping). */
    static String placeOrder(Api api, Person person, String number, String sku, String occurredAt) {
        return placeOrder(api, person, Events.unique("evt"), number, sku, occurredAt);
    }

    /** The same, under a given event id (a test that redelivers it). */
    static String placeOrder(Api api, Person person, String eventId, String number, String sku, String occurredAt) {
        Api.Answer answer = api.postEvent(placedBody(person, eventId, number, sku, occurredAt));
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return number;
    }

    /** The order.placed a storefront sends for the person, with their name, phone and address. */
    static String placedBody(Person person, String eventId, String number, String sku, String occurredAt) {
        return """
                {"id": "%s", "type": "order.placed", "occurredAt": "%s",
                 "order": {"number": "%s", "currency": "JPY",
                   "customer": {"email": "%s", "name": "%s", "phone": "%s"},
                   "lines": [
                     {"sku": "%s", "name": "オーガニックコットンTシャツ", "category": "apparel", "quantity": 2, "unitPrice": 1800},
                     {"sku": "%s-MUG", "name": "有田焼マグカップ", "category": "kitchen", "quantity": 1, "unitPrice": 2400}],
                   "shippingFee": 550, "paymentMethod": "CARD",
                   "shipping": {"recipientName": "%s", "phone": "%s", "postalCode": "150-0001", "prefecture": "東京都", "address": "%s"}}}
                """.formatted(
                        eventId,
                        occurredAt,
                        number,
                        person.email(),
                        person.name(),
                        person.phone(),
                        sku,
                        sku,
                        person.name(),
                        person.phone(),
                        person.address());
    }

    /** An inquiry whose body quotes the person's name and phone, as customers write. */
    static String openInquiry(Api api, Person person, String number) {
        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "%s"},
                 "orderNumber": "%s", "category": "SHIPPING", "subject": "%sです。届く日を知りたい",
                 "body": "%sです。電話は %s です。"}
                """.formatted(
                                person.email(), person.name(), number, person.name(), person.name(), person.phone())));
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return answer.json().get("reference").asString();
    }

    /**
     * A return of the order's first line, opened by the storefront the day after delivery, with a
     * photo and a bank account stored as the portal and the refund form store them (their own tests
     * cover those paths).
     */
    static String claimWithPhotoAndBankAccount(Api api, JdbcClient jdbc, Person person, String number) {
        Api.Answer progress = api.postEvent(Events.progressed(
                Events.unique("evt"),
                "order.delivered",
                number,
                java.time.OffsetDateTime.now()
                        .minusDays(1)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString()));
        assertThat(progress.status()).as(progress.body()).isBetween(200, 299);
        String sku = jdbc.sql("select l.sku from order_line l join customer_order o on o.id = l.order_id"
                        + " where o.order_number = :n and l.line_no = 1")
                .param("n", number)
                .query(String.class)
                .single();
        Api.Answer claim = api.postJson("/api/v1/returns", """
                {"orderNumber": "%s", "type": "RETURN", "reason": "SIZE",
                 "lines": [{"sku": "%s", "quantity": 1}], "note": "%sです。サイズが合いませんでした"}""".formatted(number, sku, person.name()));
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        String rma = claim.json().get("rma").asString();
        jdbc.sql("""
                        insert into claim_photo (claim_id, photo_key, content_type, size_bytes, content, uploaded_at)
                        select id, gen_random_uuid(), 'image/png', 8, :content, now() from claim where rma = :rma
                        """)
                .param("content", ("PNG" + person.name()).getBytes(StandardCharsets.UTF_8))
                .param("rma", rma)
                .update();
        jdbc.sql("update claim set bank_account_enc = :enc, bank_account_masked = '****1234' where rma = :rma")
                .param("enc", new byte[] {1, 2, 3})
                .param("rma", rma)
                .update();
        return rma;
    }

    static long customerId(JdbcClient jdbc, Person person) {
        return jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", person.email())
                .query(Long.class)
                .single();
    }

    /** The tables whose text still holds the value anywhere, with how many rows in the column holding it most. */
    static java.util.Map<String, Long> tablesHolding(JdbcClient jdbc, String value) {
        java.util.Map<String, Long> found = new java.util.TreeMap<>();
        columnsHolding(jdbc, value)
                .forEach((column, rows) -> found.merge(column.substring(0, column.indexOf('.')), rows, Math::max));
        return found;
    }

    /**
     * Every column ({@code table.column}) of every table and materialised view of the schema that
     * holds the value, with how many rows: text of any kind, JSON and arrays through their text,
     * bytes (photos, attachments, uploaded files, sessions) by the value's UTF-8 and Shift_JIS
     * bytes (a mall's CSV is Shift_JIS). pg_catalog rather than information_schema, because the
     * latter leaves materialised views out.
     */
    static java.util.Map<String, Long> columnsHolding(JdbcClient jdbc, String value) {
        java.util.Map<String, Long> found = new java.util.TreeMap<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                        select c.relname as table_name, a.attname as column_name, t.typname as type_name
                          from pg_attribute a
                          join pg_class c on c.oid = a.attrelid
                          join pg_namespace n on n.oid = c.relnamespace
                          join pg_type t on t.oid = a.atttypid
                         where n.nspname = current_schema() and c.relkind in ('r', 'p', 'm')
                           and a.attnum > 0 and not a.attisdropped
                           and (t.typcategory in ('S', 'A') or t.typname in ('json', 'jsonb', 'bytea'))
                         order by 1, 2
                        """).query().listOfRows();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String condition = "bytea".equals(column.get("type_name"))
                    ? "position(convert_to(:value, 'UTF8') in x.\"%1$s\") > 0"
                            + " or position(convert_to(:value, 'SJIS') in x.\"%1$s\") > 0"
                    : "strpos(x.\"%1$s\"::text, :value) > 0";
            long rows = jdbc.sql("select count(*) from \"" + table + "\" x where " + condition.formatted(name))
                    .param("value", value)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                found.put(table + "." + name, rows);
            }
        }
        return found;
    }
}
