package com.aftercare.stepmail.packing;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's thank-you card and the cards of shipped orders. The card is two Thymeleaf TEXT
 * templates, a heading and a body, with the variables of an order mail
 * ({@link OrderMailVariables}, the one place of the discreet-shipping rule: a discreet order's
 * {@code lines} are empty). Until the shop saves its own, the shipped {@code packing/card-ja.txt}
 * is used (first line the heading).
 */
@Service
@NamedInterface("packing")
public class PackingInserts {

    /** The card as written: a heading and a body, both templates. */
    public record CardTemplate(String heading, String body) {}

    /** One order's card, rendered, with what the packer needs to match it to the parcel. */
    public record Card(String orderNumber, String recipient, String heading, String body) {}

    private static final String SHIPPED = "packing/card-ja.txt";

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Customers customers;
    private final OrderMailVariables variables;
    private final MailTemplateCatalogue catalogue;
    private final ShopProperties shop;
    private final AuditLog audit;

    PackingInserts(
            JdbcClient jdbc,
            Orders orders,
            Customers customers,
            OrderMailVariables variables,
            MailTemplateCatalogue catalogue,
            ShopProperties shop,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.orders = orders;
        this.customers = customers;
        this.variables = variables;
        this.catalogue = catalogue;
        this.shop = shop;
    }

    @Transactional(readOnly = true)
    public CardTemplate template() {
        return jdbc.sql("select heading, body from packing_insert_template where id = 1")
                .query((rs, i) -> new CardTemplate(rs.getString(1), rs.getString(2)))
                .optional()
                .orElseGet(PackingInserts::shipped);
    }

    /**
     * Saves the shop's card after checking it renders with the order variables and names no
     * unknown variable; audited as {@code by}.
     *
     * @throws InvalidValue naming {@code heading} or {@code body}
     */
    @Transactional
    public void save(CardTemplate card, String by) {
        List<FieldProblem> problems = catalogue.check(
                new MailTemplate(nullToEmpty(card.heading()), nullToEmpty(card.body()), null), TemplateVariables.ORDER);
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            throw new InvalidValue(MailTemplate.SUBJECT.equals(first.field()) ? "heading" : "body", first.message());
        }
        if (card.body().length() > 5000) {
            throw new InvalidValue("body", "must be at most 5000 characters");
        }
        jdbc.sql("""
                        insert into packing_insert_template (id, heading, body, updated_at, updated_by)
                        values (1, :heading, :body, now(), :by)
                        on conflict (id) do update set heading = excluded.heading, body = excluded.body,
                                                       updated_at = now(), updated_by = excluded.updated_by
                        """)
                .param("heading", card.heading())
                .param("body", card.body())
                .param("by", by)
                .update();
        audit.record(by, "packing-insert.saved", "packing_insert_template", "1", Map.of());
    }

    /** The cards of every order shipped on that shop day (not cancelled), in shipping order. */
    @Transactional(readOnly = true)
    public List<Card> shippedOn(LocalDate day) {
        List<Long> ids = jdbc.sql("""
                        select id from order_view
                         where shipped_at >= :from and shipped_at < :to and status <> 'CANCELLED'
                         order by shipped_at, id
                        """)
                .param("from", Timestamp.from(day.atStartOfDay(shop.zone()).toInstant()))
                .param(
                        "to",
                        Timestamp.from(day.plusDays(1).atStartOfDay(shop.zone()).toInstant()))
                .query(Long.class)
                .list();
        CardTemplate template = template();
        return ids.stream()
                .map(id -> card(template, orders.find(new OrderId(id)).orElseThrow()))
                .toList();
    }

    /** The card of one order. */
    @Transactional(readOnly = true)
    public Optional<Card> cardFor(OrderId order) {
        return orders.find(order).map(o -> card(template(), o));
    }

    private Card card(CardTemplate template, OrderView order) {
        CustomerView customer = customers
                .find(order.customer())
                .orElseThrow(() -> new IllegalStateException("Customer of order " + order.number() + " vanished"));
        RenderedMail rendered = catalogue.render(
                new MailTemplate(template.heading(), template.body(), null), variables.of(order, customer));
        String recipient = order.shipping().recipientName() == null
                ? customer.name()
                : order.shipping().recipientName();
        return new Card(order.number(), recipient, rendered.subject(), rendered.text());
    }

    private static CardTemplate shipped() {
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new CardTemplate(text.substring(0, newline).strip(), text.substring(newline + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped packing card " + SHIPPED + " is missing", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
