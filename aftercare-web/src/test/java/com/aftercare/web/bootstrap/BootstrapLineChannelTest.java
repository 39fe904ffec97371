package com.aftercare.web.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.BodyHmac;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code AFTERCARE_BOOTSTRAP_LINE_CHANNEL_SECRET} and {@code AFTERCARE_BOOTSTRAP_LINE_ACCESS_TOKEN}
 * (#12 §1): the bootstrap storefront gets its LINE channel, whose secret then verifies LINE's
 * webhook signature, and a start again keeps it; one without the other stops the start.
 */
@AftercareIntegrationTest
class BootstrapLineChannelTest {

    static final String SECRET = "5e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b";
    static final String TOKEN = "bootstrap-line-access-token-0123456789";

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ShopifyConnections shopify;

    @Autowired
    LineChannels line;

    @Test
    void shouldConnectTheBootstrapStorefrontToLineAndKeepItOnTheNextStart() {
        String code = "boot-" + Events.unique("line").substring(5, 13);
        byte[] body = "{\"destination\": \"U0\", \"events\": []}".getBytes(StandardCharsets.UTF_8);

        bootstrap(code, SECRET, TOKEN);
        bootstrap(code, SECRET, TOKEN);

        var storefront = storefronts.ensure(code, code);
        assertThat(line.settings(storefront.id()).connected()).isTrue();
        assertThat(line.verify(code, body, BodyHmac.signBase64(SECRET, body)))
                .as("LINE's signature with the bootstrap secret is accepted")
                .hasValue(storefront.id());
        assertThat(line.verify(code, body, BodyHmac.signBase64("another-secret-0123456789abcdef", body)))
                .isEmpty();
    }

    @Test
    void shouldRefuseToStartWithTheSecretAndNoToken() {
        String code = "boot-" + Events.unique("half").substring(5, 13);

        assertThatThrownBy(() -> bootstrap(code, SECRET, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AFTERCARE_BOOTSTRAP_LINE_CHANNEL_SECRET")
                .hasMessageContaining("AFTERCARE_BOOTSTRAP_LINE_ACCESS_TOKEN");
    }

    private void bootstrap(String storefront, String secret, String token) {
        new Bootstrap(
                        new BootstrapProperties(storefront, null, null, null, null, secret, token),
                        storefronts,
                        operators,
                        passwords,
                        shopify,
                        line)
                .run(new DefaultApplicationArguments());
    }
}
