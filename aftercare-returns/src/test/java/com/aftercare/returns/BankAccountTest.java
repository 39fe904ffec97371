package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class BankAccountTest {

    static BankAccount account(String number, String holder) {
        return new BankAccount("ゆうちょ銀行", "9900", "〇一八店", "018", BankAccount.AccountType.ORDINARY, number, holder);
    }

    @Test
    void shouldShowOnlyTheLastThreeDigitsWhenMasked() {
        assertThat(account("1234567", "ヤマダ ハナコ").masked()).isEqualTo("ゆうちょ銀行 〇一八店 普通 ****567");
    }

    @Test
    void shouldAcceptFullWidthDigitsAndPadShortNumbers() {
        BankAccount account = account("１２３４５", "ﾔﾏﾀﾞ ﾊﾅｺ");

        assertThat(account.number()).isEqualTo("0012345");
        assertThat(account.holder()).isEqualTo("ヤマダ ハナコ");
    }

    @Test
    void shouldNameTheFieldItRefuses() {
        assertThatThrownBy(() -> account("12345678", "ヤマダ ハナコ"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("bankAccount.number"));
        assertThatThrownBy(() -> account("1234567", "山田花子"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("bankAccount.holder"));
        assertThatThrownBy(() -> new BankAccount("銀行", "12", "支店", "001", BankAccount.AccountType.ORDINARY, "1", "ア"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("bankAccount.bankCode"));
    }

    @Test
    void shouldSurviveItsStoredForm() {
        BankAccount account = account("7654321", "ヤマダ ハナコ");

        assertThat(BankAccount.parse(account.serialized())).isEqualTo(account);
    }
}
