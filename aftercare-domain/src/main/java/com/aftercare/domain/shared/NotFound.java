package com.aftercare.domain.shared;

/** The thing asked for does not exist, or is not the caller's to see (both answer the same). */
public class NotFound extends DomainException {

    private NotFound(String message) {
        super(message);
    }

    public static NotFound orderImport(long id) {
        return new NotFound("No order import " + id);
    }

    public static NotFound order(String orderNumber) {
        return new NotFound("No order " + orderNumber + " for this storefront");
    }

    public static NotFound inquiry(String reference) {
        return new NotFound("No inquiry " + reference);
    }

    public static NotFound claim(String rma) {
        return new NotFound("No claim " + rma);
    }

    public static NotFound customer() {
        return new NotFound("No customer with that email for this storefront");
    }

    public static NotFound operator(String username) {
        return new NotFound("No operator " + username);
    }

    public static NotFound team(String code) {
        return new NotFound("No team " + code);
    }

    public static NotFound claimRule(long id) {
        return new NotFound("No claim rule " + id + " for this storefront");
    }

    public static NotFound storefront(long id) {
        return new NotFound("No storefront " + id);
    }

    public static NotFound linePush(long id) {
        return new NotFound("No LINE text " + id);
    }

    public static NotFound lineIdentity(long id) {
        return new NotFound("No LINE account " + id);
    }

    public static NotFound apiKey(long id) {
        return new NotFound("No API key " + id);
    }

    public static NotFound customer(long id) {
        return new NotFound("No customer " + id);
    }

    public static NotFound campaign(long id) {
        return new NotFound("No coupon campaign " + id);
    }

    public static NotFound automation(long id) {
        return new NotFound("No automation " + id);
    }

    public static NotFound macro(long id) {
        return new NotFound("No macro " + id);
    }

    public static NotFound cannedResponse(long id) {
        return new NotFound("No canned response " + id);
    }

    public static NotFound reply(String reference, long messageId) {
        return new NotFound("No reply " + messageId + " on inquiry " + reference);
    }

    public static NotFound faqArticle(long id) {
        return new NotFound("No FAQ article " + id);
    }

    public static NotFound attachment(long id) {
        return new NotFound("No attachment " + id);
    }

    public static NotFound scenario(long id) {
        return new NotFound("No scenario " + id);
    }

    public static NotFound scenarioStep(long id) {
        return new NotFound("No live step " + id + " in this scenario");
    }

    public static NotFound mailTemplate(String code) {
        return new NotFound("No mail template " + code);
    }

    public static NotFound newsletter(long id) {
        return new NotFound("No newsletter " + id);
    }

    public static NotFound productTip(long id) {
        return new NotFound("No product tip " + id);
    }

    public static NotFound productPolicy(long id) {
        return new NotFound("No product policy " + id);
    }

    public static NotFound webhookSubscription(long id) {
        return new NotFound("No webhook subscription " + id);
    }

    public static NotFound webhookDelivery(long id) {
        return new NotFound("No webhook delivery " + id);
    }
}
