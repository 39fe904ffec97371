package com.aftercare.domain.catalogue;

import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The variants a storefront sells, learned from its orders, per storefront: one storefront's SKUs
 * are never another's (two storefronts may use one SKU for different products).
 */
@Service
public class Catalogue {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Learns the lines of an order event, in the event's transaction. A variant already described
     * by a later event keeps that description: events arrive out of order.
     *
     * <p>One statement for all the lines (one round trip per event instead of one per line). An
     * upsert may not touch a row twice, so a SKU named on two lines is written once, as its last
     * line describes it: what writing the lines one after the other left behind.
     *
     * @param seenAt when the event happened at the storefront
     */
    @Transactional
    public void learn(StorefrontId storefront, List<LineItem> lines, Instant seenAt) {
        Map<String, LineItem> lastBySku = new LinkedHashMap<>();
        lines.forEach(line -> lastBySku.put(line.sku(), line));
        if (lastBySku.isEmpty()) {
            return;
        }
        StringJoiner rows = new StringJoiner(", ");
        Map<String, Object> params = new HashMap<>();
        params.put("storefront", storefront.value());
        params.put("seenAt", Timestamp.from(seenAt));
        int i = 0;
        for (LineItem line : lastBySku.values()) {
            rows.add(
                    "(:storefront, :sku%1$d, :product%1$d, :name%1$d, cast(:attributes%1$d as json), :price%1$d, :seenAt)"
                            .formatted(i));
            params.put("sku" + i, line.sku());
            params.put("product" + i, line.product());
            params.put("name" + i, line.name());
            params.put("attributes" + i, JSON.writeValueAsString(line.variant()));
            params.put("price" + i, line.unitPrice());
            i++;
        }
        jdbc.sql("""
                        insert into catalogue_variant
                               (storefront_id, sku, product_code, name, attributes, unit_price_minor, last_seen_at)
                        values %s
                        on conflict (storefront_id, sku) do update
                           set product_code = excluded.product_code, name = excluded.name,
                               attributes = excluded.attributes, unit_price_minor = excluded.unit_price_minor,
                               last_seen_at = excluded.last_seen_at
                         where catalogue_variant.last_seen_at <= excluded.last_seen_at
                        """.formatted(rows)).params(params).update();
    }

    /** The storefront's variant of that SKU, if an order of the storefront named it. */
    @Transactional(readOnly = true)
    public Optional<Variant> variant(StorefrontId storefront, String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select sku, product_code, name, attributes::text as attributes, unit_price_minor
                          from catalogue_variant where storefront_id = :storefront and sku = :sku
                        """)
                .param("storefront", storefront.value())
                .param("sku", sku)
                .query(Catalogue::variant)
                .optional();
    }

    /**
     * The other variants of the product the SKU is a variant of, at the same storefront, by SKU;
     * none when the SKU is unknown or its orders never named its product.
     */
    @Transactional(readOnly = true)
    public List<Variant> otherVariants(StorefrontId storefront, String sku) {
        return jdbc.sql("""
                        select o.sku, o.product_code, o.name, o.attributes::text as attributes, o.unit_price_minor
                          from catalogue_variant v
                          join catalogue_variant o
                            on o.storefront_id = v.storefront_id and o.product_code = v.product_code and o.sku <> v.sku
                         where v.storefront_id = :storefront and v.sku = :sku
                         order by o.sku
                        """)
                .param("storefront", storefront.value())
                .param("sku", sku)
                .query(Catalogue::variant)
                .list();
    }

    private static Variant variant(ResultSet rs, int row) throws SQLException {
        Map<String, String> attributes = JSON.readValue(rs.getString("attributes"), ATTRIBUTES);
        return new Variant(
                rs.getString("sku"),
                rs.getString("product_code"),
                rs.getString("name"),
                attributes,
                rs.getLong("unit_price_minor"));
    }
}
