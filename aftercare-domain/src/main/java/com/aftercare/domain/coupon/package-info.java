/**
 * Coupons (クーポン): campaigns that say what a code is worth (percentage or yen off, minimum
 * spend, expiry, single use, optional storefront), codes issued one per recipient and source,
 * and the uses storefronts report. {@link com.aftercare.domain.coupon.Coupons} is the facade;
 * amounts are integer yen.
 */
package com.aftercare.domain.coupon;
