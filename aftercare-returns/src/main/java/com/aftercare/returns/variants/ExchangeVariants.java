package com.aftercare.returns.variants;

import com.aftercare.domain.catalogue.Catalogue;
import com.aftercare.domain.catalogue.Variant;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.webhook.StockChecks;
import com.aftercare.domain.webhook.StockChecks.Stock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The variants a bought product may be exchanged for, at the order's storefront only: the same
 * product's other variants, or the same variant again (a faulty item replaced by a new one).
 */
@Service
public class ExchangeVariants {

    private final Catalogue catalogue;
    private final StockChecks stock;

    ExchangeVariants(Catalogue catalogue, StockChecks stock) {
        this.catalogue = catalogue;
        this.stock = stock;
    }

    /**
     * The other variants of the bought SKU with their stock, by SKU. Asks the storefront (outside
     * any transaction: it waits for the answer).
     */
    public List<ExchangeChoice> choicesFor(StorefrontId storefront, String boughtSku) {
        return withStock(storefront, catalogue.otherVariants(storefront, boughtSku));
    }

    /**
     * What the customer may choose for the bought SKU: a new one of the same variant first (a
     * faulty item replaced), then the product's other variants, with their stock in one ask. None
     * when the bought SKU's product is unknown: the wish is then the customer's own words.
     */
    public List<ExchangeChoice> choicesIncludingBought(StorefrontId storefront, String boughtSku) {
        Optional<Variant> bought = catalogue.variant(storefront, boughtSku).filter(v -> v.product() != null);
        if (bought.isEmpty()) {
            return List.of();
        }
        List<Variant> all = new ArrayList<>();
        all.add(bought.get());
        all.addAll(catalogue.otherVariants(storefront, boughtSku));
        return withStock(storefront, all);
    }

    private List<ExchangeChoice> withStock(StorefrontId storefront, List<Variant> variants) {
        Map<String, Stock> answer =
                stock.check(storefront, variants.stream().map(Variant::sku).toList());
        return variants.stream()
                .map(v -> new ExchangeChoice(v, answer.get(v.sku())))
                .toList();
    }

    /** What the storefront says of these SKUs' stock (outside any transaction). */
    public Map<String, Stock> stockOf(StorefrontId storefront, Collection<String> skus) {
        return stock.check(storefront, skus);
    }

    /**
     * The variant wanted in exchange for the bought SKU, checked against the storefront's catalogue.
     * An unknown SKU, and one only another storefront sells, get the same answer.
     *
     * @param field the request's field, for the refusal ({@code lines[0].exchangeSku})
     * @return the wanted SKU, stripped
     * @throws InvalidValue on {@code field} when it is not a variant of the same product
     */
    public String requireVariantOfSameProduct(StorefrontId storefront, String boughtSku, String wanted, String field) {
        String sku = wanted.strip();
        if (sku.equals(boughtSku)) {
            return sku;
        }
        if (catalogue.variant(storefront, boughtSku).map(Variant::product).isEmpty()) {
            // A storefront that sends no product codes has no catalogue to choose from: the wish is
            // the customer's own words ("Lサイズ") and the operator reads it (docs/returns.md).
            return sku;
        }
        Variant variant = catalogue
                .variant(storefront, sku)
                .orElseThrow(() -> new InvalidValue(field, "is not a variant this shop sells"));
        Variant bought = catalogue
                .variant(storefront, boughtSku)
                .orElseThrow(() -> new InvalidValue(field, "is not a variant of the same product"));
        if (!bought.sameProductAs(variant)) {
            throw new InvalidValue(field, "is not a variant of the same product");
        }
        return sku;
    }
}
