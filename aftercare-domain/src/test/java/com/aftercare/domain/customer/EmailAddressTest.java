package com.aftercare.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void shouldNormaliseFullWidthCharactersTypedOnAJapaneseKeyboard() {
        EmailAddress email = EmailAddress.of("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ");

        assertThat(email.value()).isEqualTo("hanako@example.jp");
        assertThat(email.normalized()).isEqualTo("hanako@example.jp");
    }

    @Test
    void shouldKeepTheCaseAsGivenButCompareLowerCased() {
        EmailAddress email = EmailAddress.of("  Hanako.Yamada@Example.JP ");

        assertThat(email.value()).isEqualTo("Hanako.Yamada@Example.JP");
        assertThat(email.toString()).isEqualTo("Hanako.Yamada@Example.JP");
        assertThat(email.normalized()).isEqualTo("hanako.yamada@example.jp");
    }

    @Test
    void shouldRecogniseOneCustomerWhicheverWayTheAddressWasTyped() {
        assertThat(EmailAddress.of("ＨＡＮＡＫＯ＠ＥＸＡＭＰＬＥ．ＪＰ").normalized())
                .isEqualTo(EmailAddress.of("hanako@example.jp").normalized());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "\u3000",
                "hanako",
                "hanako@",
                "@example.jp",
                "hanako@localhost",
                "hanako@example.",
                "hanako@.jp",
                "han ako@example.jp",
                "hanako@exa_mple.jp",
                "hanako@example.jp\u0000",
                "hanako\u0007@example.jp",
                "hanako@example.jp\r\nBcc: all@example.jp",
                "a@b@example.jp",
                "はなこ@example.jp",
                "hanako@-example.jp"
            })
    void shouldRejectWhatIsNotADeliverableAddress(String value) {
        assertThatThrownBy(() -> new EmailAddress(value))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void shouldAcceptTwoHundredFiftyFourCharactersButNotMore() {
        String domain = "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".jp"; // 187 chars
        String fits = "l".repeat(254 - domain.length()) + domain;
        String tooLong = "l" + fits;

        assertThat(new EmailAddress(fits).value()).hasSize(254);
        assertThatThrownBy(() -> new EmailAddress(tooLong))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "hanako@example.jp, ha***@example.jp",
        "ab@example.jp,     a***@example.jp",
        "a@example.jp,      a***@example.jp",
        "abc@example.jp,    ab***@example.jp",
    })
    void shouldMaskAllButTheStartOfTheLocalPart(String address, String masked) {
        assertThat(EmailAddress.of(address).masked()).isEqualTo(masked);
    }
}
