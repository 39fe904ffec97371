package com.aftercare.domain.mail.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.mail.InvalidMailAddress;
import com.aftercare.domain.mail.MailKind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"hanako@example.jp", "a.b+tag@mail.shop.example.co.jp", "o'brien@example.com"})
    void shouldAcceptOrdinaryAddresses(String address) {
        assertThatCode(() -> MailSafety.requireSafe(mailTo(address, Map.of()))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "victim@example.com\r\nBcc: everyone@example.com",
                "a@example.com\n",
                "no-at-sign",
                "a@b@example.com",
                "two words@example.com",
                "a@localhost",
                "Hanako <hanako@example.jp>",
                "a@example.com, b@example.com",
                "@example.com"
            })
    void shouldRejectAnythingThatIsNotOneSafeAddress(String address) {
        assertThatThrownBy(() -> MailSafety.requireSafe(mailTo(address, Map.of())))
                .isInstanceOf(InvalidMailAddress.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bcc", "To", "Message-ID", "X-Bad Name", "X-Colon:"})
    void shouldRejectHeadersTheDispatcherOwnsOrThatAreMalformed(String name) {
        assertThatThrownBy(() -> MailSafety.requireSafe(mailTo("a@example.com", Map.of(name, "x"))))
                .isInstanceOf(InvalidMailAddress.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<id@example.com>\r\nBcc: x@example.com", "line\nbreak"})
    void shouldRejectHeaderValuesWithLineBreaks(String value) {
        assertThatThrownBy(() -> MailSafety.requireSafe(mailTo("a@example.com", Map.of("In-Reply-To", value))))
                .isInstanceOf(InvalidMailAddress.class);
    }

    private static OutgoingMail mailTo(String to, Map<String, String> headers) {
        return new OutgoingMail(
                "k", MailKind.TRANSACTIONAL, "t", null, null, to, "s", "b", null, headers, Instant.now());
    }
}
