package com.aftercare.web.console.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The secret a Shopify store signs its webhooks with, pasted from Shopify. */
record ShopifySecretForm(@NotBlank @Size(max = 200) String secret) {

    static ShopifySecretForm empty() {
        return new ShopifySecretForm("");
    }
}
