package com.aftercare.web.support;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import java.util.UUID;

/** Creates a fresh storefront with its own key per test, so tests never see each other's data. */
public final class TestStorefronts {

    /** A storefront and the secret of its key. */
    public record TestStorefront(StorefrontId id, String code, String key, long keyId) {}

    private TestStorefronts() {}

    public static TestStorefront create(Storefronts storefronts) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 12);
        Storefronts.StorefrontView view = storefronts.ensure(code, "テスト店 " + code);
        Storefronts.IssuedKey key = storefronts.issueKey(view.id(), "test");
        return new TestStorefront(view.id(), code, key.secret(), key.id());
    }
}
