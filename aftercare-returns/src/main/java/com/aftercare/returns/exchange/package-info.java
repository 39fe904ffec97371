/**
 * Exchanges a shop can fulfil: approving an exchange only when its variants are in stock (or an
 * operator confirmed them), and following the replacement the storefront ships as an order of its
 * own ({@code claim_replacement_order}): that order's {@code order.shipped} marks the exchange
 * shipped. Above the returns module's face: it works claims through {@code ClaimWorkflow} and reads
 * them through {@code Claims}, never their tables.
 */
@NamedInterface("exchange")
package com.aftercare.returns.exchange;

import org.springframework.modulith.NamedInterface;
