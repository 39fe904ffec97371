package com.aftercare.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One product line of an order, priced when it was bought. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    // Ids in blocks from the sequence (V97), not identity, so that Hibernate can batch an
    // order's lines into one round trip.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_ids")
    @SequenceGenerator(name = "order_line_ids", sequenceName = "order_line_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(nullable = false)
    private String sku;

    @Column(name = "product_name", nullable = false)
    private String productName;

    private String category;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    protected OrderLine() {}

    OrderLine(int lineNo, LineItem item) {
        this.lineNo = lineNo;
        this.sku = item.sku();
        this.productName = item.name();
        this.category = item.category();
        this.quantity = item.quantity();
        this.unitPriceMinor = item.unitPrice();
    }

    public int lineNo() {
        return lineNo;
    }

    public String sku() {
        return sku;
    }

    public String productName() {
        return productName;
    }

    public String category() {
        return category;
    }

    public int quantity() {
        return quantity;
    }

    public long unitPriceMinor() {
        return unitPriceMinor;
    }

    long amountMinor() {
        return Math.multiplyExact(unitPriceMinor, quantity);
    }
}
