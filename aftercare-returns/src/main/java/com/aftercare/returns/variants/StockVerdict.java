package com.aftercare.returns.variants;

import com.aftercare.domain.webhook.StockChecks.Stock;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an exchange may be approved with the stock the storefront reports for the variants it
 * sends: a variant out of stock stops it (the customer is offered a refund or store credit
 * instead); a stock nobody could tell (no callback, no answer, garbage) needs an operator's word
 * that it is there. A pure function.
 */
public record StockVerdict(Kind kind, String sku) {

    public enum Kind {
        GO,
        OUT_OF_STOCK,
        NEEDS_CONFIRMATION
    }

    /**
     * @param stock each variant to send and its stock
     * @param operatorConfirmed the operator checked the stock themselves
     */
    public static StockVerdict of(Map<String, Stock> stock, boolean operatorConfirmed) {
        Optional<String> out = skuWith(stock, Stock.OUT_OF_STOCK);
        if (out.isPresent()) {
            return new StockVerdict(Kind.OUT_OF_STOCK, out.get());
        }
        Optional<String> unknown = skuWith(stock, Stock.UNKNOWN);
        if (unknown.isPresent() && !operatorConfirmed) {
            return new StockVerdict(Kind.NEEDS_CONFIRMATION, unknown.get());
        }
        return new StockVerdict(Kind.GO, null);
    }

    public boolean go() {
        return kind == Kind.GO;
    }

    private static Optional<String> skuWith(Map<String, Stock> stock, Stock wanted) {
        return stock.entrySet().stream()
                .filter(e -> e.getValue() == wanted)
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }
}
