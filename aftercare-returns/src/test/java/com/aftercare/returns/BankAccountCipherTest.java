package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BankAccountCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    final BankAccountCipher cipher = BankAccountCipher.fromBase64(KEY);

    @Test
    void shouldDecryptWhatItEncryptedForTheSameClaim() {
        byte[] sealed = cipher.encrypt("みずほ銀行|1234567", "RMA-2026-000001");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1234567");
        assertThat(cipher.decrypt(sealed, "RMA-2026-000001")).isEqualTo("みずほ銀行|1234567");
    }

    @Test
    void shouldUseAFreshNonceEveryTime() {
        assertThat(cipher.encrypt("same", "RMA-2026-000001")).isNotEqualTo(cipher.encrypt("same", "RMA-2026-000001"));
    }

    @Test
    void shouldRefuseACiphertextMovedToAnotherClaimOrTamperedWith() {
        byte[] sealed = cipher.encrypt("1234567", "RMA-2026-000001");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "RMA-2026-000002")).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "RMA-2026-000001")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseToStartWithoutAKeyOfThirtyTwoBytes() {
        assertThatThrownBy(() -> BankAccountCipher.fromBase64(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AFTERCARE_RETURNS_BANK_ACCOUNT_KEY");
        assertThatThrownBy(
                        () -> BankAccountCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
