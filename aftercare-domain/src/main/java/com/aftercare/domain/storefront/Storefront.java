package com.aftercare.domain.storefront;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One place the shop sells through: its own site, 楽天市場, Yahoo!ショッピング, Amazon… */
@Entity
@Table(name = "storefront")
public class Storefront {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "site_url")
    private String siteUrl;

    @Column(name = "logo_url")
    private String logoUrl;

    protected Storefront() {}

    Storefront(String code, String name) {
        this.code = code;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public StorefrontId id() {
        return new StorefrontId(id);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** The shop's own site, where the portal's name leads back to; null when not set. */
    public String siteUrl() {
        return siteUrl;
    }

    /** The shop's logo as the portal shows it; null when not set. */
    public String logoUrl() {
        return logoUrl;
    }

    /** How the customer portal shows this storefront: its site and logo, either may be null. */
    void brandAs(String siteUrl, String logoUrl) {
        this.siteUrl = siteUrl;
        this.logoUrl = logoUrl;
    }
}
