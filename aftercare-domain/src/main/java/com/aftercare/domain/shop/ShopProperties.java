package com.aftercare.domain.shop;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's own settings.
 *
 * @param zone the business time zone for windows, quiet hours, SLAs and "day N after delivery"
 * @param name the shop's name as customers see it (mail signatures, the portal)
 * @param address the sender's address, which every promotional mail must show (特定電子メール法)
 * @param publicUrl where customers reach the portal, for links in mails (no trailing slash)
 */
@ConfigurationProperties("aftercare.shop")
public record ShopProperties(
        @DefaultValue("Asia/Tokyo") ZoneId zone,
        @DefaultValue("Aftercare デモショップ") String name,
        @DefaultValue("東京都渋谷区神宮前1-2-3") String address,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    public ShopProperties {
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
