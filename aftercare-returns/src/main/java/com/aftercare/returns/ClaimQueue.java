package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.InvalidValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's claims queue: claims by status, oldest request first (the longer a customer has
 * waited, the higher). Keyset pages on {@code (requested_at, id)}, no OFFSET, so a page costs the
 * same wherever it is and a new claim never shifts rows between pages. Carries no personal data
 * beyond the customer's name.
 */
@Service
public class ClaimQueue {

    public static final int PAGE_SIZE = 50;

    /**
     * One claim as the queue lists it.
     *
     * @param needsAttention it has a fraud signal, or its goods never came back after the reminder
     *     ({@code return_shipment.flagged_at}): an operator should look at it first
     */
    public record Item(
            String rma,
            RequestType type,
            ReturnReason reason,
            ClaimStatus status,
            String orderNumber,
            String customerName,
            boolean needsBankAccount,
            Instant requestedAt,
            boolean needsAttention) {}

    /** One page; {@code next} is the cursor of the following page, or null on the last one. */
    public record Page(List<Item> items, String next) {}

    private static final List<String> OPEN = Arrays.stream(ClaimStatus.values())
            .filter(ClaimStatus::isOpen)
            .map(Enum::name)
            .toList();

    private final JdbcClient jdbc;

    ClaimQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many open claims wait in each status (statuses with none are left out), in workflow order. */
    @Transactional(readOnly = true)
    public Map<ClaimStatus, Long> openCounts() {
        Map<ClaimStatus, Long> counts = new EnumMap<>(ClaimStatus.class);
        jdbc.sql("select status, count(*) from claim where status in (:open) group by status")
                .param("open", OPEN)
                .query(rs -> {
                    counts.put(ClaimStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /**
     * @param status the status to list, or null for every open claim
     * @param after the cursor from the previous page, or null for the first page
     */
    @Transactional(readOnly = true)
    public Page page(ClaimStatus status, String after, int size) {
        return page(status, null, after, size);
    }

    /**
     * @param search an RMA number or an order number (exact), or null for all; with a search the
     *     status filter still applies
     */
    @Transactional(readOnly = true)
    public Page page(ClaimStatus status, String search, String after, int size) {
        return page(status, search, false, after, size);
    }

    /** @param attention only the claims that {@link Item#needsAttention() need attention} */
    @Transactional(readOnly = true)
    public Page page(ClaimStatus status, String search, boolean attention, String after, int size) {
        Cursor cursor = Cursor.parse(after);
        List<Keyed> rows = statement(
                        status,
                        search,
                        attention,
                        (cursor == null ? "" : " and (c.requested_at, c.id) > (:at, :id)")
                                + " order by c.requested_at, c.id limit :limit")
                .param("at", cursor == null ? null : cursor.at().atOffset(ZoneOffset.UTC))
                .param("id", cursor == null ? 0 : cursor.id())
                .param("limit", size + 1)
                .query(ClaimQueue::keyed)
                .list();
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Keyed last = rows.get(size - 1);
            next = new Cursor(last.item().requestedAt(), last.id()).format();
        }
        return new Page(rows.stream().map(Keyed::item).toList(), next);
    }

    /**
     * Every claim {@link #page} would list for this status and search, in its order, streamed row
     * by row with a cursor (for the CSV export): nothing is held but the driver's fetch buffer.
     */
    @Transactional(readOnly = true)
    public void each(ClaimStatus status, String search, boolean attention, Consumer<Item> item) {
        statement(status, search, attention, " order by c.requested_at, c.id")
                .withFetchSize(Exports.FETCH_SIZE)
                .query((RowCallbackHandler) rs -> item.accept(keyed(rs, 0).item()));
    }

    private JdbcClient.StatementSpec statement(ClaimStatus status, String search, boolean attention, String rest) {
        String term = search == null || search.isBlank() ? null : search.strip();
        return jdbc.sql("""
                        select * from (
                        select c.rma, c.type, c.reason, c.status, o.order_number, cu.name,
                               c.refund_route = 'BANK_TRANSFER' and c.bank_account_enc is null as needs_account,
                               c.requested_at, c.id,
                               exists (select 1 from claim_signal s where s.claim_id = c.id)
                               or exists (select 1 from return_shipment r
                                           where r.claim_id = c.id and r.flagged_at is not null) as needs_attention
                          from claim c
                          join order_view o on o.id = c.order_id
                          join customer_view cu on cu.id = c.customer_id
                         where c.status in (:statuses)
                        """ + (term == null ? "" : " and (c.rma = :term or o.order_number = :term)")
                        + ") c where true" + (attention ? " and c.needs_attention" : "") + rest)
                .param("statuses", status == null ? OPEN : List.of(status.name()))
                .param("term", term == null ? "" : term);
    }

    private static Keyed keyed(ResultSet rs, int n) throws SQLException {
        return new Keyed(
                new Item(
                        rs.getString(1),
                        RequestType.valueOf(rs.getString(2)),
                        ReturnReason.valueOf(rs.getString(3)),
                        ClaimStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(10)),
                rs.getLong(9));
    }

    private record Keyed(Item item, long id) {}

    /** The sort key of the last row shown: {@code requestedAt~id}, the time as an ISO instant. */
    private record Cursor(Instant at, long id) {

        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.split("~");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidValue("after", "is not a page cursor");
            }
        }

        String format() {
            return at + "~" + id;
        }
    }
}
