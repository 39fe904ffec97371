package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BankAccountReferenceTest {

    static final byte[] SEALED = {1, 2, 3, 4};

    @Test
    void shouldHoldTheAccountOnlyEncryptedWithItsMaskedForm() {
        BankAccountReference held = BankAccountReference.held(SEALED, "みずほ銀行 渋谷支店 普通 ****567");

        assertThat(held.isHeld()).isTrue();
        assertThat(held.encrypted()).containsExactly(SEALED);
        assertThat(held.toString()).contains("****567").doesNotContain("[1, 2, 3, 4]");
    }

    @Test
    void shouldKeepItsOwnCopyOfTheCiphertext() {
        byte[] given = SEALED.clone();
        BankAccountReference held = BankAccountReference.held(given, "****567");
        given[0] = 9;
        held.encrypted()[1] = 9;

        assertThat(held.encrypted()).containsExactly(SEALED);
    }

    @Test
    void shouldEraseBothAndKeepWhen() {
        Instant at = Instant.parse("2025-11-25T01:00:00Z");

        BankAccountReference erased =
                BankAccountReference.held(SEALED, "****567").erasedAt(at);

        assertThat(erased.isHeld()).isFalse();
        assertThat(erased.encrypted()).isNull();
        assertThat(erased.masked()).isNull();
        assertThat(erased.erasedAt()).isEqualTo(at);
        assertThat(erased.erasedAt(at.plusSeconds(60)))
                .as("nothing left to erase")
                .isEqualTo(erased);
    }

    @Test
    void shouldRefuseHalfAnAccountOrAnErasedOneStillHeld() {
        assertThatThrownBy(() -> new BankAccountReference(SEALED, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BankAccountReference(null, "****567", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BankAccountReference(new byte[0], "****567", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BankAccountReference(SEALED, "****567", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
