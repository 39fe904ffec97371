package com.aftercare.returns.logistics;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parcels the shop pays for (着払い hand-ins and booked pick-ups) of one storefront, as the
 * file its carrier's slip system imports, so the shop prints every return slip in one batch.
 * Written with Commons CSV in Windows-31J (the Shift_JIS the carriers' Windows software reads; a
 * character it cannot hold becomes {@code ?}) with CRLF line ends. Parcels go out once: an export
 * marks them, and only a booking moved afterwards, or {@code again}, puts one in a later file.
 * The export is audited with its format and count.
 */
@Service
public class CarrierExports {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final int GOODS_LENGTH = 25;

    private final JdbcClient jdbc;
    private final Orders orders;
    private final ReturnLogisticsSetup setup;
    private final ShopProperties shop;
    private final AuditLog audit;
    private final Clock clock;

    CarrierExports(
            JdbcClient jdbc,
            Orders orders,
            ReturnLogisticsSetup setup,
            ShopProperties shop,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.setup = setup;
        this.shop = shop;
        this.audit = audit;
        this.clock = clock;
    }

    /** One open return shipment as the console lists it. */
    public record Pending(
            String rma,
            String orderNumber,
            ReturnMethod method,
            Carrier carrier,
            LocalDate pickupDate,
            PickupSlot pickupSlot,
            String trackingNumber,
            Instant exportedAt,
            Instant remindedAt,
            Instant flaggedAt) {

        /** Whether the next export takes it. */
        public boolean exportable() {
            return method.shopPays()
                    && trackingNumber == null
                    && exportedAt == null
                    && (method != ReturnMethod.PICKUP || pickupDate != null);
        }
    }

    /** The storefront's shipments still waiting for their goods, pick-ups first by day. */
    @Transactional(readOnly = true)
    public List<Pending> pending(StorefrontId storefront) {
        return jdbc.sql("""
                        select c.rma, o.order_number, s.method, s.carrier, s.pickup_date, s.pickup_slot,
                               s.tracking_number, s.exported_at, s.reminded_at, s.flagged_at
                          from return_shipment s
                          join claim c on c.id = s.claim_id
                          join order_view o on o.id = c.order_id
                         where s.storefront_id = :s and c.status in ('APPROVED', 'AWAITING_ITEM')
                         order by s.pickup_date nulls last, c.id
                         limit 1000
                        """)
                .param("s", storefront.value())
                .query((rs, i) -> new Pending(
                        rs.getString(1),
                        rs.getString(2),
                        ReturnMethod.valueOf(rs.getString(3)),
                        Carrier.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6) == null ? null : PickupSlot.valueOf(rs.getString(6)),
                        rs.getString(7),
                        ReturnShipments.instant(rs.getTimestamp(8)),
                        ReturnShipments.instant(rs.getTimestamp(9)),
                        ReturnShipments.instant(rs.getTimestamp(10))))
                .list();
    }

    /**
     * Writes the export to {@code out} and marks its parcels exported, in one transaction: a
     * failure half-way marks nothing, so the next export has them all again.
     *
     * @param again also the parcels exported before (a lost file)
     * @return how many parcels the file holds
     */
    @Transactional
    public int export(StorefrontId storefront, CarrierFormat format, boolean again, OutputStream out, String operator) {
        List<Selected> selected = jdbc.sql("""
                        select s.claim_id, c.rma, c.order_id, s.pickup_date, s.pickup_slot, %s,
                               (select string_agg(l.product_name, '、' order by l.order_line_no)
                                  from claim_line l where l.claim_id = c.id)
                          from return_shipment s
                          join claim c on c.id = s.claim_id
                          join return_address a on a.id = s.address_id
                         where s.storefront_id = :s and s.method <> 'SENDER_PAYS'
                           and c.status in ('APPROVED', 'AWAITING_ITEM') and s.tracking_number is null
                           and (s.method <> 'PICKUP' or s.pickup_date is not null)
                           and (:again or s.exported_at is null)
                         order by s.pickup_date nulls last, c.id
                           for update of s
                        """.formatted(ADDRESS_COLUMNS))
                .param("s", storefront.value())
                .param("again", again)
                .query((rs, i) -> new Selected(
                        rs.getLong(1),
                        rs.getString(2),
                        new OrderId(rs.getLong(3)),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5) == null ? null : PickupSlot.valueOf(rs.getString(5)),
                        ReturnLogisticsSetup.address(rs, 6),
                        rs.getString(16)))
                .list();
        String customerCode = setup.settings(storefront).carrierCustomerCode();
        LocalDate today = LocalDate.ofInstant(clock.instant(), shop.zone());
        List<Long> ids = new ArrayList<>();
        try {
            CharsetEncoder encoder = WINDOWS_31J
                    .newEncoder()
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .replaceWith(new byte[] {'?'});
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, encoder));
            CSVPrinter printer = CSVFormat.DEFAULT
                    .builder()
                    .setRecordSeparator("\r\n")
                    .setHeader(format.header().toArray(String[]::new))
                    .get()
                    .print(writer);
            for (Selected s : selected) {
                OrderView order = orders.find(s.order()).orElseThrow();
                printer.printRecord(format.row(row(s, order, today, customerCode)));
                ids.add(s.claimId());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ids.isEmpty()) {
            jdbc.sql("update return_shipment set exported_at = :at where claim_id in (:ids)")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("ids", ids)
                    .update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.name());
        details.put("again", again);
        details.put("parcels", ids.size());
        audit.record(operator, "returns.carrier.exported", "storefront", Long.toString(storefront.value()), details);
        return ids.size();
    }

    private static CarrierFormat.ExportRow row(Selected s, OrderView order, LocalDate today, String customerCode) {
        Shipping to = order.shipping() == null ? Shipping.none() : order.shipping();
        // 品名 is printed on the slip the family may see: a discreet order's names no product
        String goods = order.isDiscreet() || s.goods() == null ? "返送品" : s.goods();
        String note = s.rma()
                + (s.pickupDate() == null
                        ? ""
                        : " 集荷 " + s.pickupDate() + " " + s.pickupSlot().code().substring(0, 2) + "-"
                                + s.pickupSlot().code().substring(2));
        return new CarrierFormat.ExportRow(
                s.rma(),
                order.number(),
                s.address(),
                orEmpty(to.recipientName()),
                orEmpty(to.postalCode()),
                orEmpty(to.prefecture()) + orEmpty(to.address()),
                orEmpty(to.phone()),
                s.pickupDate() == null ? today : s.pickupDate(),
                s.pickupDate(),
                s.pickupSlot(),
                goods.length() > GOODS_LENGTH ? goods.substring(0, GOODS_LENGTH) : goods,
                note,
                orEmpty(customerCode));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static final String ADDRESS_COLUMNS =
            "a.id, a.storefront_id, a.label, a.recipient, a.postal_code, a.address, a.phone, a.request_type, a.reason, a.category";

    private record Selected(
            long claimId,
            String rma,
            OrderId order,
            LocalDate pickupDate,
            PickupSlot pickupSlot,
            ReturnAddress address,
            String goods) {}
}
