package com.aftercare.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Secrets sealed at rest, bound to their row, and a clear refusal where no key is configured. */
class SecretsTest {

    private static final String KEY = "dGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcy1sb25nISE=";

    @Test
    void shouldOpenASealedSecretOnlyForItsOwnRow() {
        Secrets secrets = new Secrets(KEY);
        byte[] sealed = secrets.seal("relay-パスワード", "mail-relay:1", "relayPassword");

        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("relay");
        assertThat(secrets.open(sealed, "mail-relay:1")).isEqualTo("relay-パスワード");
        assertThatThrownBy(() -> secrets.open(sealed, "mail-relay:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseToStoreASecretAtItsFieldWithoutAKey() {
        Secrets none = new Secrets("");

        assertThat(none.available()).isFalse();
        assertThatThrownBy(() -> none.seal("x", "mail-relay:1", "relayPassword"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("AFTERCARE_SECRETS_KEY")
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("relayPassword");
    }

    @Test
    void shouldRefuseToStartWithAKeyThatIsNotThirtyTwoBytes() {
        assertThatThrownBy(() -> new Secrets("c2hvcnQ="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
