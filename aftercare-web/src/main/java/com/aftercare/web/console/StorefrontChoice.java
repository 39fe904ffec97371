package com.aftercare.web.console;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import org.springframework.stereotype.Component;

/** A storefront picked from a console select: none, or one that exists (a forged id is refused). */
@Component
public class StorefrontChoice {

    private final Storefronts storefronts;

    StorefrontChoice(Storefronts storefronts) {
        this.storefronts = storefronts;
    }

    /**
     * @return the storefront, or null when none was chosen
     * @throws InvalidValue on {@code storefront} when no storefront has that id
     */
    public StorefrontId of(Long id) {
        if (id == null) {
            return null;
        }
        return storefronts
                .find(new StorefrontId(id))
                .map(Storefronts.StorefrontView::id)
                .orElseThrow(() -> new InvalidValue("storefront", "is not a storefront"));
    }
}
