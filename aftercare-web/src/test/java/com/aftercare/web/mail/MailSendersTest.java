package com.aftercare.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.mail.MailSender;
import com.aftercare.domain.mail.MailSenderChange;
import com.aftercare.domain.mail.MailSenders;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.TestStorefronts;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A relay password is given to the server and account it was typed for, and never crosses a
 * network in clear: a changed relay forgets it, a login needs both halves and STARTTLS, and the
 * audit says what became of it.
 */
@AftercareIntegrationTest
class MailSendersTest {

    @Autowired
    MailSenders senders;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    StorefrontId storefront;

    @BeforeEach
    void aStorefrontOfItsOwn() {
        storefront = TestStorefronts.create(storefronts).id();
    }

    @Test
    void shouldKeepTheStoredPasswordWhenTheSameRelayIsSavedWithoutOne() {
        senders.save(storefront, change("smtp.mall.example", 587, true, "shop", "secret-1", false), "admin");

        MailSender saved = senders.save(storefront, change("smtp.mall.example", 587, true, "shop", "", false), "admin");

        assertThat(saved.relay().hasPassword()).isTrue();
        assertThat(passwordFates()).containsExactly("changed", "kept");
    }

    @Test
    void shouldForgetThePasswordWhenTheRelaysHostPortOrUserChangesAndAskForANewOne() {
        senders.save(storefront, change("smtp.mall.example", 587, true, "shop", "secret-1", false), "admin");

        for (MailSenderChange moved : List.of(
                change("smtp.elsewhere.example", 587, true, "shop", "", false),
                change("smtp.mall.example", 2525, true, "shop", "", false),
                change("smtp.mall.example", 587, true, "other-shop", "", false))) {
            assertThatThrownBy(() -> senders.save(storefront, moved, "admin"))
                    .isInstanceOfSatisfying(
                            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("relayPassword"))
                    .hasMessageContaining("changed");
        }
        MailSender open =
                senders.save(storefront, change("smtp.elsewhere.example", 587, true, null, "", false), "admin");

        assertThat(open.relay().hasPassword())
                .as("a relay without login no longer holds the old password")
                .isFalse();
        assertThat(sealedPassword()).isNull();
        assertThat(passwordFates()).containsExactly("changed", "dropped");
    }

    @Test
    void shouldRemoveThePasswordWhenTheAdminAsksOrTheRelayGoes() {
        senders.save(storefront, change("smtp.mall.example", 587, true, "shop", "secret-1", false), "admin");
        senders.save(storefront, change("smtp.mall.example", 587, true, null, "", true), "admin");
        senders.save(storefront, change("smtp.mall.example", 587, true, "shop", "secret-2", false), "admin");

        MailSender shops = senders.save(storefront, change(null, null, true, null, "", false), "admin");

        assertThat(shops.relay()).isNull();
        assertThat(sealedPassword()).isNull();
        assertThat(passwordFates()).containsExactly("changed", "removed", "changed", "removed");
    }

    @Test
    void shouldRefuseHalfALoginAndALoginWithoutStarttlsAndStoreNothing() {
        assertRefused(change("smtp.mall.example", 587, true, "shop", "", false), "relayPassword");
        assertRefused(change("smtp.mall.example", 587, true, null, "secret-1", false), "relayUsername");
        assertRefused(change("smtp.mall.example", 587, false, "shop", "secret-1", false), "relayStarttls");

        assertThat(senders.find(storefront)).isEmpty();
        assertThat(passwordFates()).isEmpty();
    }

    @Test
    void shouldAllowALoginWithoutStarttlsOnlyToARelayOnThisServer() {
        MailSender local =
                senders.save(storefront, change("127.0.0.1", 2525, false, "shop", "secret-1", false), "admin");

        assertThat(local.relay().hasPassword()).isTrue();
        assertThat(local.relay().starttls()).isFalse();
    }

    private void assertRefused(MailSenderChange change, String field) {
        assertThatThrownBy(() -> senders.save(storefront, change, "admin"))
                .as(field)
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static MailSenderChange change(
            String host, Integer port, boolean starttls, String username, String password, boolean clear) {
        return new MailSenderChange(
                "楽天市場店",
                "rakuten@shop.example",
                null,
                null,
                host,
                port,
                starttls,
                username,
                password,
                clear,
                List.of());
    }

    private byte[] sealedPassword() {
        return jdbc.sql("select relay_password_enc from mail_sender where storefront_id = :s")
                .param("s", storefront.value())
                .query(byte[].class)
                .optional()
                .orElse(null);
    }

    private List<String> passwordFates() {
        return jdbc.sql("""
                        select details ->> 'password' from audit_log
                         where action = 'mail.sender.saved' and target_id = :s order by id
                        """)
                .param("s", Long.toString(storefront.value()))
                .query(String.class)
                .list();
    }
}
