package com.aftercare.web.console.admin;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shopify.GatewayMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * A storefront's gateway mapping as the page edits it: one row per gateway, and a few empty rows
 * to add more. A row without a name is left out.
 */
record ShopifyGatewaysForm(List<Row> gateways) {

    /** Empty rows offered below the mapping, to add gateways. */
    static final int BLANK_ROWS = 3;

    record Row(String name, String paymentMethod) {}

    ShopifyGatewaysForm {
        gateways = gateways == null ? new ArrayList<>() : new ArrayList<>(gateways);
    }

    static ShopifyGatewaysForm of(List<GatewayMapping.Gateway> mapping) {
        List<Row> rows = new ArrayList<>();
        mapping.forEach(g -> rows.add(new Row(g.name(), g.paymentMethod())));
        return new ShopifyGatewaysForm(rows).withBlankRows();
    }

    /** The same rows and {@link #BLANK_ROWS} empty ones, for the page shown again. */
    ShopifyGatewaysForm withBlankRows() {
        List<Row> rows = new ArrayList<>(gateways);
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", ""));
        }
        return new ShopifyGatewaysForm(rows);
    }

    /** @throws InvalidValue on {@code gateways[i].name} or {@code gateways[i].paymentMethod} */
    List<GatewayMapping.Gateway> mapping() {
        List<GatewayMapping.Gateway> mapping = new ArrayList<>();
        for (int i = 0; i < gateways.size(); i++) {
            Row row = gateways.get(i);
            if (row == null || row.name() == null || row.name().isBlank()) {
                continue;
            }
            try {
                mapping.add(new GatewayMapping.Gateway(row.name(), row.paymentMethod()));
            } catch (InvalidValue e) {
                throw e.within("gateways[" + i + "]");
            }
        }
        return mapping;
    }
}
