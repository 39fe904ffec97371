package com.aftercare.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The customer's bank account as a claim holds it for a refund by transfer: only encrypted (by
 * {@link BankAccountCipher}, the claim's RMA as associated data) with its masked form for the
 * console, both or neither; once the refund is recorded both are erased and the time is kept.
 */
@Embeddable
record BankAccountReference(
        @Column(name = "bank_account_enc") byte[] encrypted,
        @Column(name = "bank_account_masked") String masked,
        @Column(name = "bank_account_erased_at") Instant erasedAt) {

    BankAccountReference {
        if ((encrypted == null) != (masked == null)) {
            throw new IllegalArgumentException("An account is held encrypted with its masked form, or not at all");
        }
        if (encrypted != null && encrypted.length == 0) {
            throw new IllegalArgumentException("An encrypted account is never empty");
        }
        if (encrypted != null && erasedAt != null) {
            throw new IllegalArgumentException("An erased account is not held");
        }
        encrypted = encrypted == null ? null : encrypted.clone();
    }

    /** An account given (again): a replaced one leaves no trace. */
    static BankAccountReference held(byte[] encrypted, String masked) {
        return new BankAccountReference(
                Objects.requireNonNull(encrypted, "encrypted"), Objects.requireNonNull(masked, "masked"), null);
    }

    boolean isHeld() {
        return encrypted != null;
    }

    /** Erased once it served its purpose; nothing to erase leaves it as it is. */
    BankAccountReference erasedAt(Instant at) {
        return isHeld() ? new BankAccountReference(null, null, Objects.requireNonNull(at, "at")) : this;
    }

    @Override
    public byte[] encrypted() {
        return encrypted == null ? null : encrypted.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankAccountReference that
                && Arrays.equals(encrypted, that.encrypted)
                && Objects.equals(masked, that.masked)
                && Objects.equals(erasedAt, that.erasedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(encrypted), masked, erasedAt);
    }

    /** Never the ciphertext, not even in a log line. */
    @Override
    public String toString() {
        return "BankAccountReference[" + (isHeld() ? masked : erasedAt == null ? "none" : "erased " + erasedAt) + "]";
    }
}
