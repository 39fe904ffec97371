package com.aftercare.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidValueTest {

    @ParameterizedTest(name = "{0} within {1} -> {2}")
    @CsvSource({
        "sku,               order.lines[2],   order.lines[2].sku",
        "quantity,          order.lines[0],   order.lines[0].quantity",
        "email,             customer,         customer.email",
        "customer.phone,    order.customer,   order.customer.phone",
        "order.number,      event,            event.number",
    })
    void shouldReplaceAllButTheLastPartOfTheFieldWithThePrefix(String field, String prefix, String expected) {
        InvalidValue nested = new InvalidValue(field, "must not be blank").within(prefix);

        assertThat(nested.field()).isEqualTo(expected);
        assertThat(nested.getMessage()).isEqualTo("must not be blank");
    }

    @org.junit.jupiter.api.Test
    void shouldLeaveTheOriginalUntouched() {
        InvalidValue original = new InvalidValue("sku", "must not be blank");

        original.within("order.lines[1]");

        assertThat(original.field()).isEqualTo("sku");
    }
}
