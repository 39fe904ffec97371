package com.aftercare.returns.exchange;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.Claims;
import com.aftercare.returns.variants.ExchangeVariants;
import com.aftercare.returns.variants.StockVerdict;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Approving an exchange: only with its variants in stock, by the storefront's stock-check
 * callback or, when that cannot tell, by the operator's word. Approval asks the storefront to ship
 * the replacement ({@code claim.exchange_requested}). The stock is asked before the approval's
 * transaction, so no lock waits for the storefront.
 */
@Service
public class ExchangeApproval {

    private final Claims claims;
    private final ClaimWorkflow workflow;
    private final ExchangeVariants variants;

    ExchangeApproval(Claims claims, ClaimWorkflow workflow, ExchangeVariants variants) {
        this.claims = claims;
        this.workflow = workflow;
        this.variants = variants;
    }

    /**
     * @param stockConfirmed the operator checked that the variants are there (the fallback when
     *     the storefront has no stock callback or it did not answer)
     * @throws ExchangeStockRefused when a variant is out of stock, or its stock is unknown and not
     *     confirmed; nothing changes
     */
    public void approve(String rma, String operator, String note, boolean stockConfirmed) {
        ClaimView claim = claims.byRma(rma).orElseThrow(() -> NotFound.claim(rma));
        if (claim.type() != RequestType.EXCHANGE) {
            throw new InvalidValue("rma", "is not an exchange");
        }
        StockVerdict verdict = verdictFor(claim, stockConfirmed);
        if (!verdict.go()) {
            throw new ExchangeStockRefused(rma, verdict);
        }
        workflow.approve(rma, operator, note);
    }

    /**
     * Whether the exchange's replacement may be sent with the stock the storefront reports now.
     * Asks the storefront, bounded by its stock-check timeout.
     *
     * @param stockConfirmed an operator checked the stock themselves; an automatic rule never has
     */
    public StockVerdict verdictFor(ClaimView claim, boolean stockConfirmed) {
        return StockVerdict.of(variants.stockOf(claim.storefront(), replacements(claim)), stockConfirmed);
    }

    /** The SKUs the claim's replacement is made of: the variant wanted, or the same one again. */
    static List<String> replacements(ClaimView claim) {
        return claim.lines().stream()
                .map(l -> l.exchangeSku() == null ? l.sku() : l.exchangeSku())
                .distinct()
                .toList();
    }
}
