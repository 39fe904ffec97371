package com.aftercare.domain.coupon;

/** Typed id of a coupon campaign. */
public record CampaignId(long value) {}
