package com.aftercare.inquiry;

import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's queue of open work (NEW, OPEN, WAITING_ON_CUSTOMER), most urgent first: flagged
 * inquiries, then by the next due time (first response while unanswered, resolution after that,
 * so overdue work comes before work due soon), then by priority. A read model in SQL: it returns
 * view records only, and carries no personal data beyond the customer's name.
 *
 * <p>Pages are keyset pages (no OFFSET): a page asks for rows after the sort key of the last row
 * it showed ({@link Page#next()}), so page 50 costs what page 1 costs and a new inquiry arriving
 * while someone pages does not shift rows between pages.
 */
@Service
public class InquiryQueue {

    /** How close a due time must be to count as "due soon". */
    public static final Duration DUE_SOON = Duration.ofHours(1);

    public static final int PAGE_SIZE = 50;

    public enum Filter {
        ALL,
        MINE,
        UNASSIGNED
    }

    public enum SlaState {
        OVERDUE,
        DUE_SOON,
        OK,
        /** Waiting on the customer: the resolution clock stands still. */
        PAUSED
    }

    public record Item(
            String reference,
            String subject,
            Channel channel,
            Category category,
            Priority priority,
            InquiryStatus status,
            String assignee,
            String customerName,
            boolean flagged,
            Instant dueAt,
            SlaState sla) {}

    /** One page; {@code next} is the cursor of the following page, or null on the last one. */
    public record Page(List<Item> items, String next) {}

    private record Row(Item item, int flagOrder, Instant due, int priorityOrder, long id) {}

    /** What an inquiry is due for next: its first response until there is one, then its resolution. */
    private static final String DUE =
            "case when i.first_responded_at is null then i.first_response_due_at" + " else i.resolution_due_at end";

    private static final String ACTIVE = "i.status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')";

    /**
     * Waiting on the customer after a first response: only the resolution clock runs then, and it
     * is paused. (Waiting before any answer leaves the first-response clock running.)
     */
    private static final String PAUSED = "(i.status = 'WAITING_ON_CUSTOMER' and i.first_responded_at is not null)";

    // The sort key, all ascending so that one row comparison gives the keyset condition.
    private static final String KEYED = """
            select i.id, i.reference, i.subject, i.channel, i.category, i.priority, i.status, i.flagged,
                   %s as paused,
                   o.username as assignee, c.name as customer_name,
                   case when i.flagged then 0 else 1 end as flag_order,
                   %s as due_at,
                   case i.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end
                        as priority_order
              from inquiry i
              join customer_view c on c.id = i.customer_id
              left join operator_view o on o.id = i.assignee_operator_id
             where %s
            """.formatted(PAUSED, DUE, ACTIVE);

    private final JdbcClient jdbc;
    private final Clock clock;

    InquiryQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The desk at a glance, over the active inquiries (what the queue lists): how many, how many
     * overdue or due within {@link #DUE_SOON} (waiting on the customer after a first response
     * counts in neither: its clock is paused), flagged, unassigned, and assigned to {@code operator}.
     */
    public record Summary(long active, long overdue, long dueSoon, long flagged, long unassigned, long mine) {}

    @Transactional(readOnly = true)
    public Summary summary(String operator) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select count(*) as active,
                               count(*) filter (where not %3$s and %1$s <= :now) as overdue,
                               count(*) filter (where not %3$s and %1$s > :now and %1$s <= :soon) as due_soon,
                               count(*) filter (where i.flagged) as flagged,
                               count(*) filter (where i.assignee_operator_id is null) as unassigned,
                               count(*) filter (where i.assignee_operator_id
                                                  = (select id from operator_view where username = :operator)) as mine
                          from inquiry i
                         where %2$s
                        """.formatted(DUE, ACTIVE, PAUSED))
                .param("now", Timestamp.from(now))
                .param("soon", Timestamp.from(now.plus(DUE_SOON)))
                .param("operator", operator)
                .query((rs, i) -> new Summary(
                        rs.getLong("active"),
                        rs.getLong("overdue"),
                        rs.getLong("due_soon"),
                        rs.getLong("flagged"),
                        rs.getLong("unassigned"),
                        rs.getLong("mine")))
                .single();
    }

    /**
     * Narrows the queue to one person's, one team's or one storefront's work, on top of the
     * {@link Filter}; a null or blank part does not narrow.
     *
     * @param assignee an operator's username
     * @param team a team's code
     * @param storefront the storefront the inquiry came through (one opened in the console with no
     *     storefront is in no storefront's queue)
     */
    public record Scope(String assignee, String team, StorefrontId storefront) {

        public static final Scope EVERYONE = new Scope(null, null, null);

        private static String given(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        String clause() {
            return (given(assignee) == null ? "" : " and o.username = :assignee")
                    + (given(team) == null ? "" : " and i.team = :team")
                    + (storefront == null ? "" : " and i.storefront_id = :storefront");
        }
    }

    /**
     * @param operator the operator looking (for {@link Filter#MINE})
     * @param after the cursor from the previous page, or null for the first page
     */
    @Transactional(readOnly = true)
    public Page page(Filter filter, String operator, String after, int size) {
        return page(filter, operator, Scope.EVERYONE, after, size);
    }

    /** A page of the queue narrowed to {@code scope}. */
    @Transactional(readOnly = true)
    public Page page(Filter filter, String operator, Scope scope, String after, int size) {
        Cursor cursor = Cursor.parse(after);
        String sql = "select * from (" + KEYED + filterClause(filter) + scope.clause() + ") q"
                + (cursor == null ? "" : " where (flag_order, due_at, priority_order, id) > (:f, :d, :p, :i)")
                + " order by flag_order, due_at, priority_order, id limit :limit";
        JdbcClient.StatementSpec statement = statement(sql, operator, scope).param("limit", size + 1);
        if (cursor != null) {
            statement = statement
                    .param("f", cursor.flagOrder())
                    .param("d", cursor.due().atOffset(ZoneOffset.UTC))
                    .param("p", cursor.priorityOrder())
                    .param("i", cursor.id());
        }
        Instant now = clock.instant();
        List<Row> rows = statement.query((rs, n) -> row(rs, now)).list();
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Row last = rows.get(size - 1);
            next = new Cursor(last.flagOrder(), last.due(), last.priorityOrder(), last.id()).format();
        }
        return new Page(rows.stream().map(Row::item).toList(), next);
    }

    /**
     * The whole queue as {@link #page} filters and orders it, streamed row by row with a cursor
     * (for the CSV export): nothing is held but the driver's fetch buffer.
     */
    @Transactional(readOnly = true)
    public void each(Filter filter, String operator, Scope scope, Consumer<Item> item) {
        String sql = "select * from (" + KEYED + filterClause(filter) + scope.clause() + ") q"
                + " order by flag_order, due_at, priority_order, id";
        Instant now = clock.instant();
        statement(sql, operator, scope).withFetchSize(Exports.FETCH_SIZE).query((RowCallbackHandler)
                rs -> item.accept(row(rs, now).item()));
    }

    private JdbcClient.StatementSpec statement(String sql, String operator, Scope scope) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("me", operator == null ? "" : operator);
        if (Scope.given(scope.assignee()) != null) {
            statement = statement.param("assignee", Scope.given(scope.assignee()));
        }
        if (Scope.given(scope.team()) != null) {
            statement = statement.param("team", Scope.given(scope.team()));
        }
        if (scope.storefront() != null) {
            statement = statement.param("storefront", scope.storefront().value());
        }
        return statement;
    }

    /** Overdue once the due time has passed; due soon within {@link #DUE_SOON}. */
    static SlaState slaState(Instant due, Instant now) {
        if (!due.isAfter(now)) {
            return SlaState.OVERDUE;
        }
        return due.isAfter(now.plus(DUE_SOON)) ? SlaState.OK : SlaState.DUE_SOON;
    }

    private static String filterClause(Filter filter) {
        if (filter == Filter.MINE) {
            return " and o.username = :me";
        }
        if (filter == Filter.UNASSIGNED) {
            return " and i.assignee_operator_id is null";
        }
        return "";
    }

    private static Row row(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
        Item item = new Item(
                rs.getString("reference"),
                rs.getString("subject"),
                Channel.valueOf(rs.getString("channel")),
                Category.valueOf(rs.getString("category")),
                Priority.valueOf(rs.getString("priority")),
                InquiryStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                rs.getString("customer_name"),
                rs.getBoolean("flagged"),
                due,
                rs.getBoolean("paused") ? SlaState.PAUSED : slaState(due, now));
        return new Row(item, rs.getInt("flag_order"), due, rs.getInt("priority_order"), rs.getLong("id"));
    }

    /** The sort key of the last row shown: {@code flag~due~priority~id}, due as an ISO instant. */
    private record Cursor(int flagOrder, Instant due, int priorityOrder, long id) {

        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.split("~");
            try {
                if (parts.length != 4) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(
                        Integer.parseInt(parts[0]),
                        Instant.parse(parts[1]),
                        Integer.parseInt(parts[2]),
                        Long.parseLong(parts[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidValue("after", "is not a page cursor");
            }
        }

        String format() {
            return flagOrder + "~" + due + "~" + priorityOrder + "~" + id;
        }
    }
}
