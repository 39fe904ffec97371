package com.aftercare.domain.shop;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's own settings.
 *
 * @param zone the business time zone for windows, quiet hours, SLAs and "day N after delivery"
 * @param name the shop's name as customers see it (mail signatures, the portal)
 */
@ConfigurationProperties("aftercare.shop")
public record ShopProperties(
        @DefaultValue("Asia/Tokyo") ZoneId zone,
        @DefaultValue("Aftercare デモショップ") String name) {}
