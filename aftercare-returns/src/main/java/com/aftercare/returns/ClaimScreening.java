package com.aftercare.returns;

/**
 * What happens to a claim the moment it is opened, in the opening's transaction and before the
 * customer (portal, API, console) gets the answer: its fraud signals are found and the storefront's
 * automatic approval rules may decide it. Implemented by {@code com.aftercare.returns.rules}, which
 * works the claim only through {@link ClaimWorkflow}, like an operator.
 */
public interface ClaimScreening {

    /**
     * @param rma the claim just opened
     * @return its status afterwards (REQUESTED when no rule decided it)
     */
    ClaimStatus screen(String rma);
}
