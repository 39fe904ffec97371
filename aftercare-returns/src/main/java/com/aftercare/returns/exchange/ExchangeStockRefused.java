package com.aftercare.returns.exchange;

import com.aftercare.domain.shared.DomainException;
import com.aftercare.returns.variants.StockVerdict;

/**
 * An exchange that cannot be approved with the stock the storefront reports: a variant is out of
 * stock (the customer is offered a refund or store credit instead), or nobody could tell and the
 * operator has not confirmed it.
 */
public class ExchangeStockRefused extends DomainException {

    private final StockVerdict verdict;

    ExchangeStockRefused(String rma, StockVerdict verdict) {
        super("Claim " + rma + ": " + verdict.sku() + " "
                + (verdict.kind() == StockVerdict.Kind.OUT_OF_STOCK
                        ? "is out of stock"
                        : "has no stock the storefront could tell; confirm it first"));
        this.verdict = verdict;
    }

    public StockVerdict verdict() {
        return verdict;
    }
}
