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
}
