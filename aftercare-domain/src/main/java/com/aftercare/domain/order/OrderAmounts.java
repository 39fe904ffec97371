package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import java.util.List;

/** The amounts of an order that can be placed: checked wherever an order is described. */
public final class OrderAmounts {

    private OrderAmounts() {}

    /** The rules every order's lines and amounts keep, wherever an order is described. */
    public static void requireSane(List<LineItem> lines, long shippingFee, long discount) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidValue("order.lines", "must hold at least one line");
        }
        if (shippingFee < 0) {
            throw new InvalidValue("order.shippingFee", "must not be negative");
        }
        if (discount < 0) {
            throw new InvalidValue("order.discount", "must not be negative");
        }
        // Each amount fits a long, but their product or sum may not: refused here, where every
        // order is described, rather than overflowing (a 500) when the order is placed.
        long subtotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            try {
                subtotal = Math.addExact(subtotal, Math.multiplyExact(line.unitPrice(), (long) line.quantity()));
            } catch (ArithmeticException e) {
                throw new InvalidValue(
                        "order.lines[" + i + "].unitPrice", "times the quantity makes an order total too large");
            }
        }
        try {
            Math.addExact(subtotal, shippingFee);
        } catch (ArithmeticException e) {
            throw new InvalidValue("order.shippingFee", "makes the order total too large");
        }
    }
}
