package com.aftercare.returns.variants;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.webhook.StockChecks.Stock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockVerdictTest {

    @Test
    void shouldGoWhenEveryVariantIsInStock() {
        assertThat(StockVerdict.of(Map.of("L", Stock.IN_STOCK, "S", Stock.IN_STOCK), false)
                        .go())
                .isTrue();
    }

    @Test
    void shouldStopOnAVariantOutOfStockEvenWhenTheOperatorConfirmed() {
        assertThat(StockVerdict.of(Map.of("L", Stock.IN_STOCK, "S", Stock.OUT_OF_STOCK), true))
                .isEqualTo(new StockVerdict(StockVerdict.Kind.OUT_OF_STOCK, "S"));
    }

    @Test
    void shouldNeedTheOperatorsWordWhenTheStockIsUnknown() {
        assertThat(StockVerdict.of(Map.of("L", Stock.UNKNOWN), false))
                .isEqualTo(new StockVerdict(StockVerdict.Kind.NEEDS_CONFIRMATION, "L"));
        assertThat(StockVerdict.of(Map.of("L", Stock.UNKNOWN), true).go()).isTrue();
    }
}
