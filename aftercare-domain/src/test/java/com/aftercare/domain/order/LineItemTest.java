package com.aftercare.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineItemTest {

    @Test
    void shouldKeepAValidLineAsGiven() {
        LineItem item = new LineItem("SKU-1", "化粧水 200ml", null, 100_000, 0);

        assertThat(item.sku()).isEqualTo("SKU-1");
        assertThat(item.name()).isEqualTo("化粧水 200ml");
        assertThat(item.category()).isNull();
        assertThat(item.quantity()).isEqualTo(100_000);
        assertThat(item.unitPrice()).isZero();
    }

    static Stream<Arguments> invalidLines() {
        return Stream.of(
                Arguments.of("quantity 0", "SKU-1", "name", "cat", 0, 100L, "quantity"),
                Arguments.of("negative quantity", "SKU-1", "name", "cat", -1, 100L, "quantity"),
                Arguments.of("quantity over 100000", "SKU-1", "name", "cat", 100_001, 100L, "quantity"),
                Arguments.of("negative price", "SKU-1", "name", "cat", 1, -1L, "unitPrice"),
                Arguments.of("null sku", null, "name", "cat", 1, 100L, "sku"),
                Arguments.of("blank sku", "  ", "name", "cat", 1, 100L, "sku"),
                Arguments.of("sku over 64", "S".repeat(65), "name", "cat", 1, 100L, "sku"),
                Arguments.of("control character in sku", "SKU\u0000", "name", "cat", 1, 100L, "sku"),
                Arguments.of("blank name", "SKU-1", "", "cat", 1, 100L, "name"),
                Arguments.of("name over 300", "SKU-1", "n".repeat(301), "cat", 1, 100L, "name"),
                Arguments.of("line break in name", "SKU-1", "name\nBcc: x", "cat", 1, 100L, "name"),
                Arguments.of("blank category", "SKU-1", "name", " ", 1, 100L, "category"),
                Arguments.of("category over 100", "SKU-1", "name", "c".repeat(101), 1, 100L, "category"),
                Arguments.of("control character in category", "SKU-1", "name", "cat\u001b", 1, 100L, "category"));
    }

    @ParameterizedTest(name = "{0} -> {6}")
    @MethodSource("invalidLines")
    void shouldNameTheFieldThatIsWrong(
            String why, String sku, String name, String category, int quantity, long unitPrice, String field) {
        assertThatThrownBy(() -> new LineItem(sku, name, category, quantity, unitPrice))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
