package com.aftercare.domain.storefront;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storefronts and their API keys. A key is shown once when it is issued and stored only as its
 * SHA-256: keys are 256-bit random secrets, so a slow password hash would add cost per request
 * without adding safety. What an admin does to them is written to the audit trail in the same
 * transaction, never the secret.
 */
@Service
public class Storefronts {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final int MIN_KEY_LENGTH = 24;
    private static final Pattern WEB_ADDRESS = Pattern.compile("^https?://\\S{1,1990}$");

    private final StorefrontRepository storefronts;
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    private final RecentKeys recentKeys = new RecentKeys();

    Storefronts(StorefrontRepository storefronts, ApiKeyRepository keys, Clock clock, AuditLog audit) {
        this.storefronts = storefronts;
        this.keys = keys;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * What a storefront looks like to the console, the portal and the API.
     *
     * @param siteUrl the shop's own site, where the portal leads back to; null when not set
     * @param logoUrl the logo the portal shows; null when not set
     */
    public record StorefrontView(StorefrontId id, String code, String name, String siteUrl, String logoUrl) {}

    /** A key as the console lists it: never the secret. */
    public record ApiKeyView(
            long id,
            StorefrontId storefront,
            String prefix,
            String label,
            java.time.Instant createdAt,
            java.time.Instant revokedAt) {}

    /** A freshly issued key: the only moment its secret is known. */
    public record IssuedKey(long id, String secret) {}

    @Transactional
    public StorefrontView ensure(String code, String name) {
        requireCode(code);
        Storefront storefront =
                storefronts.findByCode(code).orElseGet(() -> storefronts.save(new Storefront(code, name)));
        return view(storefront);
    }

    /** Creates a new storefront; unlike {@link #ensure}, refuses a code that is taken. */
    @Transactional
    public StorefrontView create(String code, String name) {
        requireCode(code);
        if (storefronts.findByCode(code).isPresent()) {
            throw AlreadyExists.storefront(code);
        }
        return view(storefronts.save(new Storefront(code, name)));
    }

    /**
     * Creates a new storefront as {@link #create(String, String)} does, for an admin, and audits
     * it ({@code storefront.created}).
     *
     * @param createdBy the admin's username
     */
    @Transactional
    public StorefrontView create(String code, String name, String createdBy) {
        StorefrontView created = create(code, name);
        audit.record(
                createdBy,
                "storefront.created",
                "storefront",
                String.valueOf(created.id().value()),
                AuditLog.details("code", created.code(), "name", created.name()));
        return created;
    }

    @Transactional(readOnly = true)
    public List<StorefrontView> all() {
        return storefronts.findAllByOrderByCode().stream()
                .map(Storefronts::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<StorefrontView> find(StorefrontId id) {
        return storefronts.findById(id.value()).map(Storefronts::view);
    }

    /**
     * The storefront a page or a facade was asked about.
     *
     * @throws NotFound when there is none (a 404 in the console and the API)
     */
    @Transactional(readOnly = true)
    public StorefrontView get(StorefrontId id) {
        return find(id).orElseThrow(() -> NotFound.storefront(id.value()));
    }

    /**
     * Sets how the customer portal shows the storefront (its shop's site and logo, each an http(s)
     * address or null) for an admin, and audits it ({@code storefront.brand.changed}).
     *
     * @throws NotFound for an unknown storefront
     * @throws InvalidValue for an address that is not http(s)
     */
    @Transactional
    public StorefrontView brand(StorefrontId id, String siteUrl, String logoUrl, String changedBy) {
        Storefront storefront = storefronts.findById(id.value()).orElseThrow(() -> NotFound.storefront(id.value()));
        storefront.brandAs(webAddress("siteUrl", siteUrl), webAddress("logoUrl", logoUrl));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("siteUrl", storefront.siteUrl());
        details.put("logoUrl", storefront.logoUrl());
        audit.record(changedBy, "storefront.brand.changed", "storefront", String.valueOf(id.value()), details);
        return view(storefront);
    }

    private static String webAddress(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String address = value.strip();
        if (!WEB_ADDRESS.matcher(address).matches()) {
            throw new InvalidValue(field, "must be an http:// or https:// address of at most 2000 characters");
        }
        return address;
    }

    @Transactional
    public IssuedKey issueKey(StorefrontId storefront, String label) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey saved = keys.save(new ApiKey(storefront, prefixOf(key), Sha256.of(key), label));
        return new IssuedKey(saved.id(), key);
    }

    /**
     * Issues a key for an admin and audits it ({@code apikey.issued}, with the storefront's code
     * and the label, never the secret).
     *
     * @param issuedBy the admin's username
     * @throws NotFound for an unknown storefront
     */
    @Transactional
    public IssuedKey issueKey(StorefrontId storefront, String label, String issuedBy) {
        Storefront owner =
                storefronts.findById(storefront.value()).orElseThrow(() -> NotFound.storefront(storefront.value()));
        IssuedKey issued = issueKey(storefront, label);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("storefront", owner.code());
        details.put("label", label);
        audit.record(issuedBy, "apikey.issued", "api_key", String.valueOf(issued.id()), details);
        return issued;
    }

    /**
     * Makes sure the given key (from the environment, for automation) opens the storefront.
     * Idempotent: starting twice with the same key changes nothing.
     */
    @Transactional
    public void ensureKey(StorefrontId storefront, String key, String label) {
        if (key == null || key.length() < MIN_KEY_LENGTH || key.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidValue("apiKey", "must be at least " + MIN_KEY_LENGTH + " printable ASCII characters");
        }
        Optional<ApiKey> existing = keys.findByKeyHash(Sha256.of(key));
        if (existing.isPresent()) {
            if (!existing.get().storefront().equals(storefront)) {
                throw new InvalidValue("apiKey", "is already in use by another storefront");
            }
            return;
        }
        keys.save(new ApiKey(storefront, prefixOf(key), Sha256.of(key), label));
    }

    /**
     * The storefront a presented key opens, if the key exists and is not revoked. Not
     * transactional: a key seen in the last {@link RecentKeys#TTL} is answered without the
     * database (the repository opens its own read-only transaction when it is asked).
     */
    public Optional<StorefrontId> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 512) {
            return Optional.empty();
        }
        byte[] hash = Sha256.of(presentedKey);
        return recentKeys.storefrontFor(
                hash, () -> keys.findByKeyHash(hash).filter(ApiKey::isActive).map(ApiKey::storefront));
    }

    /** Revokes the key at once; revoking a revoked key changes nothing. */
    @Transactional
    public ApiKeyView revokeKey(long keyId) {
        ApiKey key = keys.findById(keyId).orElseThrow(() -> NotFound.apiKey(keyId));
        key.revoke(clock.instant());
        recentKeys.forgetAll();
        return keyView(key);
    }

    /**
     * Revokes the key for an admin and audits it ({@code apikey.revoked}, with its prefix and
     * storefront).
     *
     * @param revokedBy the admin's username
     */
    @Transactional
    public ApiKeyView revokeKey(long keyId, String revokedBy) {
        ApiKeyView revoked = revokeKey(keyId);
        audit.record(
                revokedBy,
                "apikey.revoked",
                "api_key",
                String.valueOf(keyId),
                AuditLog.details(
                        "prefix",
                        revoked.prefix(),
                        "storefront",
                        revoked.storefront().value()));
        return revoked;
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> keysOf(StorefrontId storefront) {
        return keys.findByStorefrontIdOrderByCreatedAtDesc(storefront.value()).stream()
                .map(Storefronts::keyView)
                .toList();
    }

    private static ApiKeyView keyView(ApiKey k) {
        return new ApiKeyView(k.id(), k.storefront(), k.keyPrefix(), k.label(), k.createdAt(), k.revokedAt());
    }

    private static void requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidValue("code", "must be 2-63 lower-case letters, digits or dashes");
        }
    }

    private static String prefixOf(String key) {
        return key.substring(0, Math.min(key.length(), 10));
    }

    private static StorefrontView view(Storefront s) {
        return new StorefrontView(s.id(), s.code(), s.name(), s.siteUrl(), s.logoUrl());
    }
}
