package com.aftercare.web.portal;

import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.returns.Settlement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The portal's request form: how many of each order line (by line number), for an exchange the
 * variant wanted per line, and what the request type needs. A mutable bean because the lines
 * bind as indexed map entries ({@code quantity[1]=2}).
 */
class ClaimRequestForm {

    private ReturnReason reason;
    private Settlement settlement = Settlement.REFUND;
    private Map<Integer, Integer> quantity = new LinkedHashMap<>();
    private Map<Integer, String> variant = new LinkedHashMap<>();
    /** For an exchange the customer no longer wants (nothing wanted in stock): a refund or store credit instead. */
    private Settlement instead;

    private String survey;
    private String note;

    public ReturnReason getReason() {
        return reason;
    }

    public void setReason(ReturnReason reason) {
        this.reason = reason;
    }

    public Settlement getSettlement() {
        return settlement;
    }

    public void setSettlement(Settlement settlement) {
        this.settlement = settlement;
    }

    public Map<Integer, Integer> getQuantity() {
        return quantity;
    }

    public void setQuantity(Map<Integer, Integer> quantity) {
        this.quantity = quantity;
    }

    public Map<Integer, String> getVariant() {
        return variant;
    }

    public void setVariant(Map<Integer, String> variant) {
        this.variant = variant;
    }

    public Settlement getInstead() {
        return instead;
    }

    public void setInstead(Settlement instead) {
        this.instead = instead;
    }

    public String getSurvey() {
        return survey;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
