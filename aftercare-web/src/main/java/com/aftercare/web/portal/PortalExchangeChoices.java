package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.webhook.StockChecks.Stock;
import com.aftercare.returns.variants.ExchangeChoice;
import com.aftercare.returns.variants.ExchangeVariants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The variants the exchange form offers per order line, with the storefront's stock, and the check
 * of what the customer picked. Only lines whose product the storefront named have choices; the
 * others keep the free-text wish (docs/returns.md). Asks the storefront's stock callback, so it is
 * called outside any transaction.
 */
@Component
class PortalExchangeChoices {

    /** One variant on the form: its SKU (the radio's value), its words, and its stock. */
    record Option(String sku, String label, Stock stock, boolean bought) {

        /** Out of stock by the storefront's word cannot be chosen; unknown can (the shop confirms it). */
        public boolean available() {
            return stock != Stock.OUT_OF_STOCK;
        }

        static Option of(ExchangeChoice choice, String boughtSku) {
            Map<String, String> attributes = choice.variant().attributes();
            // The storefront's own words (サイズ: L / カラー: ネイビー); the name when it sent none.
            String label = attributes.isEmpty()
                    ? choice.variant().name()
                    : attributes.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(" / "));
            Stock stock = choice.stock() == null ? Stock.UNKNOWN : choice.stock();
            return new Option(choice.sku(), label, stock, choice.sku().equals(boughtSku));
        }
    }

    private final ExchangeVariants variants;

    PortalExchangeChoices(ExchangeVariants variants) {
        this.variants = variants;
    }

    /** The options per line number, for the lines whose product is known. */
    Map<Integer, List<Option>> of(OrderView order) {
        Map<Integer, List<Option>> options = new LinkedHashMap<>();
        for (OrderView.Line line : order.lines()) {
            List<Option> choices = variants.choicesIncludingBought(order.storefront(), line.sku()).stream()
                    .map(c -> Option.of(c, line.sku()))
                    .toList();
            if (!choices.isEmpty()) {
                options.put(line.lineNo(), choices);
            }
        }
        return options;
    }

    /**
     * Checks the customer's pick for a line with options: one must be chosen, it must be one of
     * the line's own options (a tampered value or another product's SKU is not), and not out of
     * stock. A refusal is a message under the line's field.
     */
    static void check(int lineNo, String picked, List<Option> options, BindingResult errors) {
        String field = "variant[" + lineNo + "]";
        if (picked == null || picked.isBlank()) {
            errors.rejectValue(field, "portal.claim.variant.required");
            return;
        }
        Optional<Option> option =
                options.stream().filter(o -> o.sku().equals(picked.strip())).findFirst();
        if (option.isEmpty()) {
            errors.rejectValue(field, "portal.claim.variant.notOffered");
        } else if (!option.get().available()) {
            errors.rejectValue(field, "portal.claim.variant.outOfStock");
        }
    }
}
