package com.aftercare.domain.storefront;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A storefront's API key, kept only as its SHA-256 and a short prefix for recognising it. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "storefront_id", nullable = false)
    private Long storefrontId;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, unique = true)
    private byte[] keyHash;

    @Column(nullable = false)
    private String label;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {}

    ApiKey(StorefrontId storefront, String keyPrefix, byte[] keyHash, String label) {
        this.storefrontId = storefront.value();
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash.clone();
        this.label = label;
        this.createdAt = Instant.now();
    }

    Long id() {
        return id;
    }

    StorefrontId storefront() {
        return new StorefrontId(storefrontId);
    }

    String keyPrefix() {
        return keyPrefix;
    }

    String label() {
        return label;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    boolean isActive() {
        return revokedAt == null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
