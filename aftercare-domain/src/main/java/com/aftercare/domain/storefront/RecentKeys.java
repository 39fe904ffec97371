package com.aftercare.domain.storefront;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The storefronts that recently presented a valid key, so that a storefront sending events
 * back to back costs one key lookup per {@link #TTL} instead of one transaction per request
 * (the lookup was the dearest part of a request after the event's own writes).
 *
 * <p>Only valid keys are remembered: an unknown key always reaches the database, so a guesser
 * gains nothing and fills nothing. A revocation on this instance forgets everything once it
 * commits; another instance stops accepting the revoked key within {@link #TTL}, which
 * docs/operations.md states as the revocation delay.
 */
final class RecentKeys {

    static final Duration TTL = Duration.ofSeconds(10);

    private final Cache<String, StorefrontId> valid =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    Optional<StorefrontId> storefrontFor(byte[] keyHash, Supplier<Optional<StorefrontId>> lookup) {
        String hash = HexFormat.of().formatHex(keyHash);
        StorefrontId known = valid.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StorefrontId> found = lookup.get();
        found.ifPresent(storefront -> valid.put(hash, storefront));
        return found;
    }

    /**
     * Forgets every key now and again when the revoking transaction commits: a request that
     * read the key between the two would otherwise keep it for a whole {@link #TTL}.
     */
    void forgetAll() {
        valid.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    valid.invalidateAll();
                }
            });
        }
    }
}
