package com.aftercare.returns.logistics;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which warehouse a claim's goods go to, a pure function: among the storefront's addresses whose
 * every set condition matches the claim (its type, its reason, and a category of any of its
 * lines), the one that sets the most conditions; of equally specific ones, the first saved. So a
 * shop keeps one address with no conditions as the default and adds, say, "faults of category
 * 家電 go to the repair centre".
 */
public final class ReturnAddressRules {

    private ReturnAddressRules() {}

    public static Optional<ReturnAddress> choose(
            List<ReturnAddress> addresses, RequestType type, ReturnReason reason, Collection<String> categories) {
        return addresses.stream()
                .filter(a -> a.requestType() == null || a.requestType() == type)
                .filter(a -> a.reason() == null || a.reason() == reason)
                .filter(a -> a.category() == null || categories.contains(a.category()))
                .min(Comparator.comparingInt(ReturnAddress::specificity)
                        .reversed()
                        .thenComparing(a -> a.id() == null ? Long.MAX_VALUE : a.id()));
    }
}
