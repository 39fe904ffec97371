package com.aftercare.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextTest {

    // A method source rather than a CSV table: CSV would trim or split on the very characters under test.
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain ASCII", "hello", false, false),
                Arguments.of("Japanese and full-width", "山田 花子\u3000ＡＢＣ", false, false),
                Arguments.of("empty", "", false, false),
                Arguments.of("tab is allowed everywhere", "a\tb", false, false),
                Arguments.of("LF only in multi-line", "a\nb", true, false),
                Arguments.of("CR only in multi-line", "a\rb", true, false),
                Arguments.of("CRLF only in multi-line", "a\r\nb", true, false),
                Arguments.of("NUL", "a\u0000b", true, true),
                Arguments.of("bell", "a\u0007b", true, true),
                Arguments.of("escape", "a\u001bb", true, true),
                Arguments.of("vertical tab", "a\u000bb", true, true),
                Arguments.of("DEL", "a\u007fb", true, true),
                Arguments.of("C1 control NEL", "a\u0085b", true, true),
                Arguments.of("line separator", "a\u2028b", true, true),
                Arguments.of("paragraph separator", "a\u2029b", true, true),
                Arguments.of("control character at the very end", "abc\u0001", true, true),
                Arguments.of("right-to-left override disguising a name", "abc\u202Etxt.exe", true, true),
                Arguments.of("zero-width space", "山田\u200B花子", true, true),
                Arguments.of("zero-width joiner between letters", "山田\u200D花子", true, true),
                Arguments.of("zero-width joiner at the very start", "\u200D🙇", true, true),
                Arguments.of("zero-width joiner after an emoji, before a letter", "🙇\u200Da", true, true),
                Arguments.of(
                        "bowing woman: emoji, joiner, female sign, variation selector",
                        "すみません🙇\u200D♀\uFE0F",
                        false,
                        false),
                Arguments.of("family: three emoji joined", "👨\u200D👩\u200D👧", false, false),
                Arguments.of("heart on fire: variation selector before the joiner", "❤\uFE0F\u200D🔥", false, false),
                Arguments.of("skin tone before the joiner", "🧑🏽\u200D💻", false, false),
                Arguments.of("emoji outside the basic plane, alone", "ありがとう😊🎉", false, false),
                Arguments.of("bidi isolate", "a\u2066b", true, true),
                Arguments.of("byte order mark inside text", "a\uFEFFb", true, true));
    }

    @ParameterizedTest(name = "{0}: single-line {2}, multi-line {3}")
    @MethodSource("texts")
    void shouldFindControlCharactersOtherThanAllowedWhitespace(
            String why, String value, boolean singleLine, boolean multiLine) {
        assertThat(Text.hasControlCharacters(value, false)).as("single-line").isEqualTo(singleLine);
        assertThat(Text.hasControlCharacters(value, true)).as("multi-line").isEqualTo(multiLine);
    }

    @Test
    void shouldReadABlankLineAsNothingAndStripAnyOther() {
        assertThat(Text.line("customer.name", null, 10)).isNull();
        assertThat(Text.line("customer.name", " \u3000 ", 10)).isNull();
        assertThat(Text.line("customer.name", "  山田 花子 ", 5)).isEqualTo("山田 花子");
    }

    @Test
    void shouldRefuseALineTooLongOnceStrippedOrHoldingControlCharactersUnderItsField() {
        assertThatThrownBy(() -> Text.line("subject", "abcdef", 5))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("subject"))
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> Text.line("subject", "a\nb", 5))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("subject"))
                .hasMessageContaining("control characters");
    }

    @Test
    void shouldDecodeUtf8OnlyWhenEveryByteIsUtf8() {
        assertThat(Text.utf8("山田 花子 𠮷".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .contains("山田 花子 𠮷");
        assertThat(Text.utf8(new byte[] {'a', (byte) 0xFF, 'b'})).isEmpty();
        // the encoded half of a surrogate pair (CESU-8 style) is not UTF-8
        assertThat(Text.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .isEmpty();
    }

    @Test
    void shouldFindHalfASurrogatePairButNotAWholeOne() {
        assertThat(Text.hasLoneSurrogate("𠮷野家")).isFalse();
        assertThat(Text.hasLoneSurrogate("a\ud800b")).isTrue();
        assertThat(Text.hasLoneSurrogate("a\udc00")).isTrue();
        assertThat(Text.hasLoneSurrogate("\ud842")).isTrue();
        assertThat(Text.hasLoneSurrogate("\udfb7\ud842")).isTrue();
    }
}
