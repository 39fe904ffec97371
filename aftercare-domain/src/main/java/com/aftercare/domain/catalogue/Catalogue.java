package com.aftercare.domain.catalogue;

import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * <p>A variant the catalogue already describes exactly as the line does is not written at all.
     * A popular SKU is on most orders, and the upsert locks its row until the order's transaction
     * commits, so writing it only to move {@code last_seen_at} made every order naming it wait for
     * the one before (the first thing orders queued on at 16 clients, docs/benchmarks.md). So
     * {@code last_seen_at} is when the description was last written, not when an order last named
     * it; the one case that costs is a late event with a description that changed and changed back
     * in the meantime, which wins until the next order naming the variant writes it again.
     *
     * <p>One statement for all the lines, with the same text whatever their number (the lines go
     * as arrays: prepared once per connection, no {@code String.format} per line). An upsert may
     * not touch a row twice, so a SKU named on two lines is written once, as its last line
     * describes it: what writing the lines one after the other left behind.
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
        List<LineItem> variants = List.copyOf(lastBySku.values());
        jdbc.sql("""
                        insert into catalogue_variant
                               (storefront_id, sku, product_code, name, attributes, unit_price_minor, last_seen_at)
                        select :storefront, v.sku, v.product, v.name, cast(v.attributes as json), v.price, :seenAt
                          from unnest(cast(:skus as text[]), cast(:products as text[]), cast(:names as text[]),
                                      cast(:attributes as text[]), cast(:prices as bigint[]))
                               as v (sku, product, name, attributes, price)
                         where not exists (
                               select 1 from catalogue_variant known
                                where known.storefront_id = :storefront and known.sku = v.sku
                                  and known.product_code is not distinct from v.product and known.name = v.name
                                  and known.attributes::text = v.attributes
                                  and known.unit_price_minor = v.price)
                        on conflict (storefront_id, sku) do update
                           set product_code = excluded.product_code, name = excluded.name,
                               attributes = excluded.attributes, unit_price_minor = excluded.unit_price_minor,
                               last_seen_at = excluded.last_seen_at
                         where catalogue_variant.last_seen_at <= excluded.last_seen_at
                        """)
                .param("storefront", storefront.value())
                .param("seenAt", Timestamp.from(seenAt))
                .param("skus", variants.stream().map(LineItem::sku).toArray(String[]::new))
                .param("products", variants.stream().map(LineItem::product).toArray(String[]::new))
                .param("names", variants.stream().map(LineItem::name).toArray(String[]::new))
                .param(
                        "attributes",
                        variants.stream()
                                .map(line -> JSON.writeValueAsString(line.variant()))
                                .toArray(String[]::new))
                .param("prices", variants.stream().map(LineItem::unitPrice).toArray(Long[]::new))
                .update();
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
