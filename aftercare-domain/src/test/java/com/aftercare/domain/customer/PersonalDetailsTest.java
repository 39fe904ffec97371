package com.aftercare.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDetailsTest {

    @Test
    void shouldTrimWhatItKeeps() {
        PersonalDetails details = new PersonalDetails("  山田 花子 ", " ヤマダ ハナコ ", " 090-1234-5678 ");

        assertThat(details.name()).isEqualTo("山田 花子");
        assertThat(details.nameKana()).isEqualTo("ヤマダ ハナコ");
        assertThat(details.phone()).isEqualTo("090-1234-5678");
    }

    @Test
    void shouldTreatBlankOptionalFieldsAsAbsent() {
        PersonalDetails details = new PersonalDetails("山田 花子", "  ", "");

        assertThat(details.nameKana()).isNull();
        assertThat(details.phone()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void shouldRequireAName(String name) {
        assertThatThrownBy(() -> new PersonalDetails(name, null, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("customer.name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"090-1234-5678", "+81 90 1234 5678", "(03) 1234-5678", "0312345678", "123456"})
    void shouldAcceptPhoneNumbersAsPeopleWriteThem(String phone) {
        assertThat(new PersonalDetails("花子", null, phone).phone()).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345",
                "------",
                "((((((",
                "090-1234-567a",
                "090.1234.5678",
                "++81 90 1234 5678",
                "81+90",
                "0000000000000000000000000000000"
            })
    void shouldRejectPhoneNumbersOfAnyOtherShape(String phone) {
        assertThatThrownBy(() -> new PersonalDetails("花子", null, phone))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("customer.phone"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "name with control character, customer.name",
        "kana with control character, customer.nameKana",
        "phone with control character, customer.phone",
    })
    void shouldRejectControlCharactersInEveryField(String why, String field) {
        String bad = "abc\u0000def";
        String name = field.equals("customer.name") ? bad : "花子";
        String kana = field.equals("customer.nameKana") ? bad : null;
        String phone = field.equals("customer.phone") ? "0312\u0000345678" : null;

        assertThatThrownBy(() -> new PersonalDetails(name, kana, phone))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void shouldAcceptFullWidthDigitsAsTypedOnAJapaneseKeyboard() {
        assertThat(new PersonalDetails("山田 花子", null, "０９０－１２３４－５６７８").phone()).isEqualTo("090-1234-5678");
    }

    @Test
    void shouldLimitTheNameToTwoHundredCharacters() {
        assertThat(new PersonalDetails("名".repeat(200), null, null).name()).hasSize(200);
        assertThatThrownBy(() -> new PersonalDetails("名".repeat(201), null, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("customer.name"));
    }
}
