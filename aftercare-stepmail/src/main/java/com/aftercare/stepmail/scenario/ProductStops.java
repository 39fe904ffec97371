package com.aftercare.stepmail.scenario;

import com.aftercare.domain.claim.ClaimEvents.ClaimDetails;
import com.aftercare.domain.claim.ClaimEvents.ClaimResolved;
import com.aftercare.domain.claim.ClaimOutcome;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderView;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a claim's outcome means for the follow-up of its order, decided when the outcome is known
 * rather than by resuming everything the claim held:
 *
 * <ul>
 *   <li>refunded (a return, a guarantee) or exchanged for another variant: the product is
 *       stopped ({@code step_mail_stop}), and the order's mails about its products (the steps held
 *       while a claim is open: anything wrong, usage tips, review request, repeat coupon) leave it
 *       out from then on; a product counts as stopped once what was sent back reaches what was
 *       bought;
 *   <li>every product of the order stopped: the order's scenarios end, their waiting mails are
 *       cancelled;
 *   <li>exchanged: the usage tips start again for the new variant ({@link
 *       ScenarioEnrolment#restartUsageTips});
 *   <li>repaired, rejected, quote declined: the customer keeps the product, the held mails resume.
 * </ul>
 *
 * Then, and only then, the claim's hold is released. The scheduler asks the same questions again
 * when a mail falls due ({@link #ORDER_SENT_BACK}, {@link #stoppedSkus}), so a mail resumed or
 * scheduled by another listener still meets the stops.
 */
@Component
class ProductStops {

    /** Whether every product of the enrolment {@code e}'s order was sent back, as SQL. */
    static final String ORDER_SENT_BACK = """
            (exists (select 1 from step_mail_stop s where s.order_id = e.order_id)
             and not exists (select 1 from order_line_view l where l.order_id = e.order_id
                              group by l.sku
                             having sum(l.quantity) > (select coalesce(sum(s.quantity), 0) from step_mail_stop s
                                                        where s.order_id = e.order_id and s.sku = l.sku)))""";

    /** Why the waiting mails of an order sent back whole are cancelled. */
    static final String ORDER_SENT_BACK_REASON = "the whole order was sent back";

    private final JdbcClient jdbc;
    private final OrderHolds holds;
    private final ScenarioEnrolment enrolment;

    ProductStops(JdbcClient jdbc, OrderHolds holds, ScenarioEnrolment enrolment) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.enrolment = enrolment;
    }

    @ApplicationModuleListener
    void on(ClaimResolved event) {
        String source = OrderHolds.claimSource(event.rma());
        List<ClaimDetails.Line> lines =
                event.details() == null ? List.of() : event.details().lines();
        boolean exchanged = event.outcome() == ClaimOutcome.EXCHANGE_SHIPPED;
        if (event.outcome() == ClaimOutcome.REFUNDED || exchanged) {
            for (ClaimDetails.Line line : lines) {
                String replacement = exchanged ? line.exchangeSku() : null;
                if (exchanged && (replacement == null || replacement.equals(line.sku()))) {
                    continue; // the same product again: the customer keeps it, its follow-up goes on
                }
                jdbc.sql("""
                                insert into step_mail_stop (order_id, customer_id, sku, quantity, source, outcome,
                                                            replacement_sku, stopped_at)
                                values (:order, :customer, :sku, :quantity, :source, :outcome, :replacement, :at)
                                on conflict (source, sku) do nothing
                                """)
                        .param("order", event.order().value())
                        .param("customer", event.customer().value())
                        .param("sku", line.sku())
                        .param("quantity", line.quantity())
                        .param("source", source)
                        .param("outcome", event.outcome().name())
                        .param("replacement", replacement)
                        .param("at", Timestamp.from(event.resolvedAt()))
                        .update();
            }
            endIfSentBackWhole(event.order());
            if (exchanged && !replacements(event.order(), event.rma()).isEmpty()) {
                enrolment.restartUsageTips(
                        event.order(), event.customer(), event.claim(), event.rma(), event.resolvedAt());
            }
        }
        holds.releaseClaim(event.rma(), event.order());
    }

    /** Cancels the waiting mails of the order's own scenarios once every product came back. */
    private void endIfSentBackWhole(OrderId order) {
        jdbc.sql("""
                        update step_mail m set status = 'CANCELLED', reason = :reason, updated_at = now()
                          from enrolment e
                         where e.id = m.enrolment_id and e.order_id = :order
                           and e.claim_id is null and e.inquiry_id is null
                           and m.status in ('SCHEDULED', 'HELD')
                           and""" + ORDER_SENT_BACK)
                .param("reason", ORDER_SENT_BACK_REASON)
                .param("order", order.value())
                .update();
    }

    /** The SKUs of the order whose every bought unit was sent back. */
    List<String> stoppedSkus(OrderId order) {
        return jdbc.sql("""
                        select l.sku from order_line_view l where l.order_id = :order
                         group by l.sku
                        having sum(l.quantity) <= (select coalesce(sum(s.quantity), 0) from step_mail_stop s
                                                    where s.order_id = :order and s.sku = l.sku)
                        """).param("order", order.value()).query(String.class).list();
    }

    /** The variants an exchange sent, by the SKU each replaced. */
    Map<String, String> replacements(OrderId order, String rma) {
        return jdbc
                .sql("""
                        select sku, replacement_sku from step_mail_stop
                         where order_id = :order and source = :source and replacement_sku is not null
                        """)
                .param("order", order.value())
                .param("source", OrderHolds.claimSource(rma))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The order as a mail about its products shows it: an exchange's restart names the new variants
     * in place of the ones sent back; any other mail leaves out the products sent back.
     */
    OrderView shownTo(OrderView order, boolean exchange, String rma) {
        if (exchange) {
            Map<String, String> replaced = replacements(order.id(), rma);
            return order.withLines(order.lines().stream()
                    .filter(l -> replaced.containsKey(l.sku()))
                    .map(l -> new OrderView.Line(
                            l.lineNo(),
                            replaced.get(l.sku()),
                            l.name(),
                            l.category(),
                            l.quantity(),
                            l.unitPrice(),
                            l.amount()))
                    .toList());
        }
        List<String> stopped = stoppedSkus(order.id());
        return stopped.isEmpty()
                ? order
                : order.withLines(order.lines().stream()
                        .filter(l -> !stopped.contains(l.sku()))
                        .toList());
    }
}
