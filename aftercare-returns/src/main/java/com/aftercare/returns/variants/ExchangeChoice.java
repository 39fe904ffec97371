package com.aftercare.returns.variants;

import com.aftercare.domain.catalogue.Variant;
import com.aftercare.domain.webhook.StockChecks.Stock;

/** One variant the customer may choose in exchange, with what the storefront says of its stock. */
public record ExchangeChoice(Variant variant, Stock stock) {

    public String sku() {
        return variant.sku();
    }

    /** Out of stock by the storefront's word: not offered. Unknown stock is offered; an operator confirms it. */
    public boolean available() {
        return stock != Stock.OUT_OF_STOCK;
    }
}
