package com.aftercare.domain.coupon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param storeCreditValidity how long store credit stays usable from the day it is issued
 */
@ConfigurationProperties("aftercare.coupons")
public record CouponProperties(@DefaultValue("365d") Duration storeCreditValidity) {}
