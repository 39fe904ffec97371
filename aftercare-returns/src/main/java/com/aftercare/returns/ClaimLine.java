package com.aftercare.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a claim: which order line, how many, at the price paid; for an exchange, the variant wanted. */
@Entity
@Table(name = "claim_line")
class ClaimLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_line_no", nullable = false, updatable = false)
    private int orderLineNo;

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(name = "product_name", nullable = false, updatable = false)
    private String productName;

    @Column(updatable = false)
    private String category;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "unit_price_yen", nullable = false, updatable = false)
    private long unitPriceYen;

    @Column(name = "exchange_sku", updatable = false)
    private String exchangeSku;

    protected ClaimLine() {}

    /** What a new line holds. */
    record Spec(
            int orderLineNo,
            String sku,
            String productName,
            String category,
            int quantity,
            long unitPriceYen,
            String exchangeSku) {}

    ClaimLine(Spec spec) {
        this.orderLineNo = spec.orderLineNo();
        this.sku = spec.sku();
        this.productName = spec.productName();
        this.category = spec.category();
        this.quantity = spec.quantity();
        this.unitPriceYen = spec.unitPriceYen();
        this.exchangeSku = spec.exchangeSku();
    }

    int orderLineNo() {
        return orderLineNo;
    }

    String sku() {
        return sku;
    }

    String productName() {
        return productName;
    }

    String category() {
        return category;
    }

    int quantity() {
        return quantity;
    }

    long unitPriceYen() {
        return unitPriceYen;
    }

    long amountYen() {
        return Math.multiplyExact(unitPriceYen, quantity);
    }

    String exchangeSku() {
        return exchangeSku;
    }
}
