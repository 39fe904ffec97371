package com.aftercare.web.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.privacy.Erasures;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.privacy.PrivacyFixtures.Person;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An uploaded order file is kept in 1 MB parts; the person's email can fall across two of them.
 * An erasure finds it there too and deletes the finished import's file, and leaves other files.
 */
@AftercareIntegrationTest
class ErasedImportFilesTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Erasures erasures;

    @Test
    void shouldDeleteAFinishedImportsFileWhenThePersonsEmailFallsAcrossTwoOfItsParts() {
        TestStorefront shop = TestStorefronts.create(storefronts);
        Person person = Person.unique();
        PrivacyFixtures.placeOrder(
                new Api(port, shop.key()),
                person,
                Events.unique("R"),
                Events.unique("SKU"),
                "2026-11-23T10:15:30+09:00");
        byte[] email = person.email().getBytes(UTF_8);
        int cut = email.length / 2;
        long split = finishedImport(
                shop,
                concat("受注番号,メールアドレス\nR-1,".getBytes(UTF_8), Arrays.copyOfRange(email, 0, cut)),
                concat(Arrays.copyOfRange(email, cut, email.length), "\n".getBytes(UTF_8)));
        long someoneElse =
                finishedImport(shop, "受注番号,メールアドレス\nR-2,other@".getBytes(UTF_8), "example.jp\n".getBytes(UTF_8));

        erasures.erase(new CustomerId(PrivacyFixtures.customerId(jdbc, person)), "admin", "消去の請求");

        assertThat(parts(split))
                .as("the file holding the person across its parts")
                .isZero();
        assertThat(parts(someoneElse)).as("another person's file").isEqualTo(2);
    }

    private long finishedImport(TestStorefront shop, byte[]... parts) {
        long id = jdbc.sql("""
                        insert into order_import (storefront_id, file_name, charset, mapping, size_bytes, status,
                                                  rows_total, rows_done, created_by, created_at, updated_at)
                        values (:storefront, 'orders.csv', 'UTF-8', '{}', 0, 'DONE', 1, 1, 'admin', now(), now())
                        returning id
                        """)
                .param("storefront", shop.id().value())
                .query(Long.class)
                .single();
        for (int no = 0; no < parts.length; no++) {
            jdbc.sql("insert into order_import_part (import_id, part_no, content) values (:id, :no, :content)")
                    .param("id", id)
                    .param("no", no)
                    .param("content", parts[no])
                    .update();
        }
        return id;
    }

    private int parts(long importId) {
        return jdbc.sql("select count(*) from order_import_part where import_id = :id")
                .param("id", importId)
                .query(Integer.class)
                .single();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
