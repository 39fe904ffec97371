package com.aftercare.inquiry;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.TrackingLinks;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shop.ShopProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned responses (定型文): reply texts kept by supervisors and filled in for one inquiry by the
 * operator answering it. Variables ({@link CannedVariable}) are checked when a text is saved, so
 * using one never fails; a value the inquiry lacks (no order yet) becomes a visible placeholder.
 * Every change is written to the audit log.
 *
 * <p>Plain rows through {@link JdbcClient}, not a JPA aggregate: a canned response has no children
 * and no rule between its fields beyond what {@link #create} checks.
 */
@Service
public class CannedResponses {

    public static final int MAX_TITLE = 100;
    /** Japanese first: the shop's own language. */
    public static final List<String> LANGUAGES = List.of("ja", "en");

    private final JdbcClient jdbc;
    private final Inquiries inquiries;
    private final Customers customers;
    private final Orders orders;
    private final ShopProperties shop;
    private final AuditLog audit;
    private final Clock clock;

    CannedResponses(
            JdbcClient jdbc,
            Inquiries inquiries,
            Customers customers,
            Orders orders,
            ShopProperties shop,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.inquiries = inquiries;
        this.customers = customers;
        this.orders = orders;
        this.shop = shop;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a supervisor writes. {@code category} null: offered for every category.
     *
     * @param language {@code ja} or {@code en}
     */
    public record Draft(String title, String body, Category category, String language) {}

    public record CannedResponseView(
            long id,
            String title,
            String body,
            Category category,
            String language,
            String updatedBy,
            Instant updatedAt) {}

    /** Every canned response, by language then title. */
    @Transactional(readOnly = true)
    public List<CannedResponseView> all() {
        return jdbc.sql(SELECT + " order by language, title, id")
                .query(CannedResponses::row)
                .list();
    }

    /** The ones that fit an inquiry of {@code category}: its own and those for every category. */
    @Transactional(readOnly = true)
    public List<CannedResponseView> offeredFor(Category category) {
        return jdbc.sql(SELECT + " where category is null or category = :category order by language, title, id")
                .param("category", category.name())
                .query(CannedResponses::row)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<CannedResponseView> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(CannedResponses::row)
                .optional();
    }

    /** Saves a new canned response; refuses a blank or too long title or body and unknown variables. */
    @Transactional
    public long create(Draft draft, String by) {
        Draft checked = check(draft);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into canned_response (title, body, category, language, created_by, updated_by, created_at, updated_at)
                        values (:title, :body, :category, :language, :by, :by, :now, :now)
                        returning id
                        """)
                .params(params(checked))
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        audit.record(by, "canned.created", "canned_response", String.valueOf(id), Map.of("title", checked.title()));
        return id;
    }

    @Transactional
    public void update(long id, Draft draft, String by) {
        Draft checked = check(draft);
        int updated = jdbc.sql("""
                        update canned_response
                           set title = :title, body = :body, category = :category, language = :language,
                               updated_by = :by, updated_at = :now
                         where id = :id
                        """)
                .params(params(checked))
                .param("by", by)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (updated == 0) {
            throw NotFound.cannedResponse(id);
        }
        audit.record(by, "canned.updated", "canned_response", String.valueOf(id), Map.of("title", checked.title()));
    }

    @Transactional
    public void delete(long id, String by) {
        if (jdbc.sql("delete from canned_response where id = :id")
                        .param("id", id)
                        .update()
                == 0) {
            throw NotFound.cannedResponse(id);
        }
        audit.record(by, "canned.deleted", "canned_response", String.valueOf(id), Map.of());
    }

    /**
     * The canned response filled in for inquiry {@code reference}: the customer's name, the order's
     * number and tracking link, the shop's name and the reference. A value the inquiry lacks is
     * replaced by {@code missing.apply(variable)}: the caller words the placeholder in the
     * operator's language.
     */
    @Transactional(readOnly = true)
    public String renderFor(long id, String reference, Function<CannedVariable, String> missing) {
        CannedResponseView canned = find(id).orElseThrow(() -> NotFound.cannedResponse(id));
        InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        Map<CannedVariable, String> values = new EnumMap<>(CannedVariable.class);
        values.put(CannedVariable.SHOP_NAME, shop.name());
        values.put(CannedVariable.REFERENCE, inquiry.reference());
        customers
                .find(inquiry.customer())
                .map(CustomerView::name)
                .ifPresent(n -> values.put(CannedVariable.CUSTOMER_NAME, n));
        Optional<OrderView> order = inquiry.order() == null ? Optional.empty() : orders.find(inquiry.order());
        order.ifPresent(o -> {
            values.put(CannedVariable.ORDER_NUMBER, o.number());
            String link = TrackingLinks.of(o.carrier(), o.trackingNumber());
            if (link != null) {
                values.put(CannedVariable.TRACKING_LINK, link);
            }
        });
        return CannedTemplate.parse("body", canned.body()).render(values, missing);
    }

    private static Draft check(Draft draft) {
        String title = InquiryText.line("title", draft.title(), MAX_TITLE, true);
        String body = InquiryText.body("body", draft.body());
        CannedTemplate.parse("body", body);
        if (draft.language() == null || !LANGUAGES.contains(draft.language())) {
            throw new InvalidValue("language", "must be one of " + LANGUAGES);
        }
        return new Draft(title, body, draft.category(), draft.language());
    }

    private static Map<String, Object> params(Draft d) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("title", d.title());
        params.put("body", d.body());
        params.put("category", d.category() == null ? null : d.category().name());
        params.put("language", d.language());
        return params;
    }

    private static CannedResponseView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String category = rs.getString("category");
        return new CannedResponseView(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("body"),
                category == null ? null : Category.valueOf(category),
                rs.getString("language"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static final String SELECT = """
            select id, title, body, category, language, updated_by, updated_at from canned_response""";
}
