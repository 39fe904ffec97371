package com.aftercare.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AftercareIntegrationTest
class StorefrontIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    TestStorefront a;
    TestStorefront b;
    Api apiA;
    Api apiB;

    @BeforeEach
    void twoStorefronts() {
        a = TestStorefronts.create(storefronts);
        b = TestStorefronts.create(storefronts);
        apiA = new Api(port, a.key());
        apiB = new Api(port, b.key());
    }

    @Test
    void shouldAnswer401AsProblemWithoutAKey() {
        Api.Answer answer = new Api(port, null).get("/api/v1/orders/X-1");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("detail").asString()).contains("Bearer");
    }

    @Test
    void shouldAnswer401ForAnUnknownKeyAndWriteNothing() {
        String eventId = Events.unique("evt");
        Api.Answer answer = apiA.withKey("ak_not-a-real-key-at-all-000000000")
                .postEvent(Events.placed(eventId, Events.unique("A"), Events.unique("x") + "@example.jp"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(jdbc.sql("select count(*) from inbound_event where event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseARevokedKey() {
        assertThat(apiA.get("/api/v1/orders/NOPE-1").status()).isEqualTo(404);

        storefronts.revokeKey(a.keyId());

        assertThat(apiA.get("/api/v1/orders/NOPE-1").status()).isEqualTo(401);
    }

    @Test
    void shouldStoreOnlyAHashOfTheKey() {
        Long plain = jdbc.sql(
                        "select count(*) from api_key where key_prefix = :p and encode(key_hash, 'escape') like :k")
                .param("p", a.key().substring(0, 10))
                .param("k", "%" + a.key().substring(10) + "%")
                .query(Long.class)
                .single();
        assertThat(plain).isZero();
    }

    @Test
    void shouldAnswer404ToAnotherStorefrontsOrderNumber() {
        String number = Events.unique("A");
        apiA.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("iso") + "@example.jp"));

        Api.Answer fromB = apiB.get("/api/v1/orders/" + number);
        Api.Answer unknown = apiB.get("/api/v1/orders/" + Events.unique("A"));

        assertThat(fromB.status()).isEqualTo(404);
        assertThat(fromB.isProblem()).isTrue();
        assertThat(fromB.json().get("detail").asString().replace(number, "N"))
                .isEqualTo(unknown.json().get("detail").asString().replaceAll("A-[0-9a-f-]+", "N"));
    }

    @Test
    void shouldNeverLetAnotherStorefrontsEventsTouchAnOrder() {
        String number = Events.unique("A");
        apiA.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("iso") + "@example.jp"));

        Api.Answer cancelFromB = apiB.postEvent(
                Events.progressed(Events.unique("evt"), "order.cancelled", number, "2026-11-23T12:00:00+09:00"));

        assertThat(cancelFromB.status()).isEqualTo(202);
        assertThat(apiA.get("/api/v1/orders/" + number).json().get("status").asString())
                .isEqualTo("PLACED");
    }

    @Test
    void shouldFindACustomerOnlyForAStorefrontTheyBoughtFrom() {
        String email = Events.unique("cust") + "@example.jp";
        apiA.postEvent(Events.placed(Events.unique("evt"), Events.unique("A"), email));

        Api.Answer fromA = apiA.get("/api/v1/customers?email=" + email);
        Api.Answer fromB = apiB.get("/api/v1/customers?email=" + email);

        assertThat(fromA.status()).isEqualTo(200);
        assertThat(fromA.json().get("name").asString()).isEqualTo("山田 花子");
        assertThat(fromB.status()).isEqualTo(404);
    }
}
