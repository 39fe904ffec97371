package com.aftercare.web.support;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.StockChecks;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.returns.ClaimRequests;

/**
 * Makes {@link ClaimScene}s and their stock callbacks from the beans they need, so an exchange
 * test asks for this one bean. Import it beside {@link TestClock.Configuration}.
 */
public class ClaimScenes {

    private final Storefronts storefronts;
    private final Operators operators;
    private final ClaimRequests requests;
    private final StockChecks stockChecks;
    private final WebhookAllowedHosts allowedHosts;
    private final TestClock clock;

    ClaimScenes(
            Storefronts storefronts,
            Operators operators,
            ClaimRequests requests,
            StockChecks stockChecks,
            WebhookAllowedHosts allowedHosts,
            TestClock clock) {
        this.storefronts = storefronts;
        this.operators = operators;
        this.requests = requests;
        this.stockChecks = stockChecks;
        this.allowedHosts = allowedHosts;
        this.clock = clock;
    }

    /** A new scene on 25 November 2025 (JST), for the application on {@code port}. */
    public ClaimScene today(int port) {
        return ClaimScene.today(port, clock, storefronts, operators, requests);
    }

    /** A fake stock callback, set as the scene's storefront's. */
    public FakeStockCallback stockCallbackOf(ClaimScene scene) {
        return FakeStockCallback.forStorefront(
                stockChecks, allowedHosts, scene.storefront().id());
    }
}
