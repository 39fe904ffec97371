package com.aftercare.domain.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "shpss_0123456789abcdef";
    static final byte[] BODY = "{\"id\":820982911946154508,\"name\":\"#9999\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldMatchTheBase64HmacSha256OfTheRawBodyWithTheSecret() {
        // computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
        String shopify = "j3YIshZL/7bARdL+Vo9Loi7edJbdnTLUYLGgOO8C4GA=";

        assertThat(Base64.getEncoder().encodeToString(WebhookSignature.sign(SECRET, BODY)))
                .isEqualTo(shopify);
        assertThat(WebhookSignature.matches(SECRET, BODY, shopify)).isTrue();
        assertThat(WebhookSignature.matches(SECRET, BODY, " " + shopify + " "))
                .as("padded")
                .isTrue();
    }

    @Test
    void shouldNotMatchAnotherBodyAnotherSecretOrNoBase64() {
        String signature = Base64.getEncoder().encodeToString(WebhookSignature.sign(SECRET, BODY));
        byte[] changed = "{\"id\":820982911946154508,\"name\":\"#9998\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.matches(SECRET, changed, signature)).isFalse();
        assertThat(WebhookSignature.matches("shpss_another-secret-0", BODY, signature))
                .isFalse();
        assertThat(WebhookSignature.matches(SECRET, BODY, "not base64!")).isFalse();
        assertThat(WebhookSignature.matches(SECRET, BODY, "")).isFalse();
    }

    @Test
    void shouldTakeOnlyASecretAsShopifyShowsIt() {
        assertThat(WebhookSignature.requirePlausible("  0f1e2d3c4b5a69788796a5b4c3d2e1f0 "))
                .isEqualTo("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        for (String bad :
                new String[] {null, "", "too short", "has a space in the middle of it", "秘密のキー0123456789abcdef"}) {
            assertThatThrownBy(() -> WebhookSignature.requirePlausible(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("secret"));
        }
    }
}
