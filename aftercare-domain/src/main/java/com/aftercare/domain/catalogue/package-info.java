/**
 * The variants each storefront sells, learned from its order events ({@code catalogue_variant}):
 * which SKUs are sizes or colours of one product, so an exchange is a choice among the product's
 * other variants rather than free text. Nothing here is a product master: a variant appears once
 * an order names it, and a newer order's description replaces an older one's.
 */
package com.aftercare.domain.catalogue;
