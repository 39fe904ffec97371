package com.aftercare.web.demo;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.web.demo.DemoOrders.PlannedOrder;
import com.aftercare.web.demo.DemoShop.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's after-sales claims: returns, exchanges, refund-guarantee claims, repairs (free under
 * the warranty and quoted) and recycling pick-ups, asked for through the portal's service and
 * worked by operators through the returns facades, a day a step, so that between them they stand
 * in every status the workflow has.
 */
final class DemoClaims {

    private static final Logger log = LoggerFactory.getLogger(DemoClaims.class);

    /** One operator step on a claim (or the customer's answer to a quote). */
    private enum Move {
        APPROVE,
        AWAIT_ITEM,
        RECEIVE,
        INSPECT,
        INSPECT_DAMAGED,
        REFUND,
        SHIP_EXCHANGE,
        REPAIRED,
        CLOSE,
        REJECT,
        QUOTE,
        ACCEPT_QUOTE,
        DECLINE_QUOTE
    }

    /** A claim to tell: what is asked, about which product, and how far it got. */
    private record Recipe(RequestType type, ReturnReason reason, Product product, String note, List<Move> moves) {}

    private static final List<Move> RETURNED = List.of(Move.APPROVE, Move.AWAIT_ITEM, Move.RECEIVE, Move.INSPECT);
    private static final List<Move> REFUNDED = plus(RETURNED, Move.REFUND);

    private static final String SIZE = "サイズが小さかったため返品を希望します。";
    private static final String COLOUR = "画面で見た色より明るく、イメージと違いました。";
    private static final String EXCHANGE = "Mサイズが小さかったので、Lサイズへの交換をお願いします。";
    private static final String GEL = "1か月使ってみましたが、肌に合いませんでした。返金保証を利用したいです。";
    private static final String BROKEN = "1週間ほどで電源が入らなくなりました。修理をお願いします。";
    private static final String LACQUER = "2年使ってきた弁当箱の塗りがはげてきたので、塗り直しをお願いできますか。";
    private static final String RECYCLE = "新しい炊飯器の購入にあわせて、古い炊飯器の回収をお願いします。";

    private static final List<Recipe> RECIPES = List.of(
            // returns: every step of the way, settled, closed and refused
            new Recipe(RequestType.RETURN, ReturnReason.SIZE, DemoShop.T_SHIRT_M, SIZE, List.of()),
            new Recipe(RequestType.RETURN, ReturnReason.SIZE, DemoShop.LINEN_SHIRT, SIZE, List.of(Move.APPROVE)),
            new Recipe(
                    RequestType.RETURN, ReturnReason.COLOR_DIFFERS, DemoShop.T_SHIRT_M, COLOUR, RETURNED.subList(0, 2)),
            new Recipe(RequestType.RETURN, ReturnReason.SIZE, DemoShop.LINEN_SHIRT, SIZE, RETURNED.subList(0, 3)),
            new Recipe(RequestType.RETURN, ReturnReason.NOT_AS_EXPECTED, DemoShop.T_SHIRT_M, COLOUR, RETURNED),
            new Recipe(RequestType.RETURN, ReturnReason.SIZE, DemoShop.T_SHIRT_M, SIZE, REFUNDED),
            new Recipe(RequestType.RETURN, ReturnReason.COLOR_DIFFERS, DemoShop.LINEN_SHIRT, COLOUR, REFUNDED),
            new Recipe(RequestType.RETURN, ReturnReason.SIZE, DemoShop.T_SHIRT_M, SIZE, plus(REFUNDED, Move.CLOSE)),
            new Recipe(RequestType.RETURN, ReturnReason.SIZE, DemoShop.LINEN_SHIRT, SIZE, plus(REFUNDED, Move.CLOSE)),
            new Recipe(
                    RequestType.RETURN,
                    ReturnReason.NOT_AS_EXPECTED,
                    DemoShop.T_SHIRT_M,
                    COLOUR,
                    plus(REFUNDED, Move.CLOSE)),
            new Recipe(
                    RequestType.RETURN,
                    ReturnReason.OTHER,
                    DemoShop.LINEN_SHIRT,
                    "着てみましたが、やはり不要になりました。",
                    List.of(Move.REJECT)),
            new Recipe(
                    RequestType.RETURN,
                    ReturnReason.DAMAGED_IN_TRANSIT,
                    DemoShop.MUG,
                    "取っ手が欠けた状態で届きました。",
                    List.of(
                            Move.APPROVE,
                            Move.AWAIT_ITEM,
                            Move.RECEIVE,
                            Move.INSPECT_DAMAGED,
                            Move.REFUND,
                            Move.CLOSE)),
            new Recipe(
                    RequestType.RETURN,
                    ReturnReason.DEFECTIVE,
                    DemoShop.KETTLE,
                    "スイッチが入らないことがあります。",
                    plus(REFUNDED, Move.CLOSE)),
            new Recipe(RequestType.RETURN, ReturnReason.WRONG_ITEM, DemoShop.TOWELS, "色違いの商品が届きました。", REFUNDED),
            // exchanges
            new Recipe(RequestType.EXCHANGE, ReturnReason.SIZE, DemoShop.T_SHIRT_M, EXCHANGE, List.of()),
            new Recipe(RequestType.EXCHANGE, ReturnReason.SIZE, DemoShop.T_SHIRT_M, EXCHANGE, RETURNED.subList(0, 2)),
            new Recipe(RequestType.EXCHANGE, ReturnReason.SIZE, DemoShop.T_SHIRT_M, EXCHANGE, RETURNED),
            new Recipe(
                    RequestType.EXCHANGE,
                    ReturnReason.SIZE,
                    DemoShop.T_SHIRT_M,
                    EXCHANGE,
                    plus(RETURNED, Move.SHIP_EXCHANGE)),
            new Recipe(
                    RequestType.EXCHANGE,
                    ReturnReason.SIZE,
                    DemoShop.T_SHIRT_M,
                    EXCHANGE,
                    plus(plus(RETURNED, Move.SHIP_EXCHANGE), Move.CLOSE)),
            // refund guarantee on the care gel
            new Recipe(RequestType.REFUND_GUARANTEE, ReturnReason.NOT_AS_EXPECTED, DemoShop.CARE_GEL, GEL, List.of()),
            new Recipe(
                    RequestType.REFUND_GUARANTEE,
                    ReturnReason.NOT_AS_EXPECTED,
                    DemoShop.CARE_GEL,
                    GEL,
                    RETURNED.subList(0, 2)),
            new Recipe(RequestType.REFUND_GUARANTEE, ReturnReason.NOT_AS_EXPECTED, DemoShop.CARE_GEL, GEL, REFUNDED),
            new Recipe(
                    RequestType.REFUND_GUARANTEE,
                    ReturnReason.NOT_AS_EXPECTED,
                    DemoShop.CARE_GEL,
                    GEL,
                    plus(REFUNDED, Move.CLOSE)),
            // repairs: free under the appliance warranty, quoted for the lacquered lunch box
            new Recipe(RequestType.WARRANTY_REPAIR, ReturnReason.DEFECTIVE, DemoShop.RICE_COOKER, BROKEN, List.of()),
            new Recipe(
                    RequestType.WARRANTY_REPAIR,
                    ReturnReason.DEFECTIVE,
                    DemoShop.KETTLE,
                    BROKEN,
                    RETURNED.subList(0, 3)),
            new Recipe(
                    RequestType.WARRANTY_REPAIR,
                    ReturnReason.DEFECTIVE,
                    DemoShop.CIRCULATOR,
                    BROKEN,
                    plus(RETURNED, Move.REPAIRED)),
            new Recipe(
                    RequestType.WARRANTY_REPAIR,
                    ReturnReason.DEFECTIVE,
                    DemoShop.KETTLE,
                    BROKEN,
                    plus(plus(RETURNED, Move.REPAIRED), Move.CLOSE)),
            new Recipe(RequestType.WARRANTY_REPAIR, ReturnReason.OTHER, DemoShop.BENTO, LACQUER, List.of(Move.QUOTE)),
            new Recipe(
                    RequestType.WARRANTY_REPAIR,
                    ReturnReason.OTHER,
                    DemoShop.BENTO,
                    LACQUER,
                    List.of(Move.QUOTE, Move.DECLINE_QUOTE)),
            new Recipe(
                    RequestType.WARRANTY_REPAIR,
                    ReturnReason.OTHER,
                    DemoShop.BENTO,
                    LACQUER,
                    List.of(Move.QUOTE, Move.ACCEPT_QUOTE, Move.AWAIT_ITEM)),
            // recycling pick-ups with a new appliance
            new Recipe(RequestType.RECYCLE_PICKUP, ReturnReason.OTHER, DemoShop.RICE_COOKER, RECYCLE, List.of()),
            new Recipe(
                    RequestType.RECYCLE_PICKUP,
                    ReturnReason.OTHER,
                    DemoShop.CIRCULATOR,
                    RECYCLE,
                    List.of(Move.APPROVE, Move.AWAIT_ITEM)),
            new Recipe(
                    RequestType.RECYCLE_PICKUP,
                    ReturnReason.OTHER,
                    DemoShop.RICE_COOKER,
                    RECYCLE,
                    List.of(Move.APPROVE, Move.AWAIT_ITEM, Move.RECEIVE, Move.CLOSE)));

    private final ClaimRequests requests;
    private final ClaimWorkflow workflow;
    private final ClaimRefunds refunds;

    DemoClaims(ClaimRequests requests, ClaimWorkflow workflow, ClaimRefunds refunds) {
        this.requests = requests;
        this.workflow = workflow;
        this.refunds = refunds;
    }

    /**
     * Plans every recipe on an order of its product paid by card (refunds go back to the card),
     * asked for a few days after delivery (the guarantee after its week of use), a step a day.
     */
    void plan(DemoTimeline timeline, Random random, List<PlannedOrder> orders, List<String> operators, Instant now) {
        Set<String> used = new HashSet<>();
        for (Recipe recipe : RECIPES) {
            Duration afterDelivery = Duration.ofDays(recipe.type() == RequestType.REFUND_GUARANTEE ? 9 : 2)
                    .plusHours(random.nextInt(5));
            // the last step lands a day or two before now; claims still asked for are fresh
            Duration needed = Duration.ofDays(recipe.moves().size() + 1L);
            List<PlannedOrder> fitting = orders.stream()
                    .filter(o -> o.contains(recipe.product()) && "CARD".equals(o.payment()) && o.delivered() != null)
                    .filter(o -> !used.contains(o.number()))
                    .filter(o -> o.delivered().plus(afterDelivery).plus(needed).isBefore(now))
                    .toList();
            if (fitting.isEmpty()) {
                log.warn(
                        "Demo history: no order fits a {} of {} ending {}",
                        recipe.type(),
                        recipe.product().sku(),
                        recipe.moves());
                continue;
            }
            PlannedOrder order = recipe.moves().isEmpty()
                    ? fitting.stream()
                            .max(java.util.Comparator.comparing(PlannedOrder::delivered))
                            .orElseThrow()
                    : fitting.get(random.nextInt(fitting.size()));
            used.add(order.number());
            story(
                    timeline,
                    recipe,
                    order,
                    operators.get(random.nextInt(operators.size())),
                    order.delivered().plus(afterDelivery));
        }
    }

    private void story(DemoTimeline timeline, Recipe recipe, PlannedOrder order, String operator, Instant asked) {
        String[] rma = {null};
        String what = recipe.type() + " on " + order.number();
        timeline.at(asked, what + " asked for", () -> rma[0] = open(recipe, order));
        Instant at = asked;
        for (Move move : recipe.moves()) {
            at = at.plus(Duration.ofHours(20));
            timeline.at(at, what + " " + move, () -> move(move, rma[0], operator));
        }
    }

    private String open(Recipe recipe, PlannedOrder order) {
        String exchangeSku = recipe.type() == RequestType.EXCHANGE ? DemoShop.T_SHIRT_L.sku() : null;
        return requests.open(new ClaimRequests.OpenClaim(
                        order.storefront(),
                        order.number(),
                        recipe.type(),
                        recipe.reason(),
                        List.of(new ClaimRequests.LineRequest(recipe.product().sku(), 1, exchangeSku)),
                        null,
                        recipe.note(),
                        recipe.type() == RequestType.REFUND_GUARANTEE,
                        ClaimChannel.PORTAL,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
    }

    private void move(Move move, String rma, String operator) {
        switch (move) {
            case APPROVE -> workflow.approve(rma, operator, "規定内のため承認します。");
            case AWAIT_ITEM -> workflow.awaitItem(rma, operator);
            case RECEIVE -> workflow.receive(rma, operator);
            case INSPECT -> workflow.inspect(rma, operator, "検品済み。状態に問題ありません。", false);
            case INSPECT_DAMAGED -> workflow.inspect(rma, operator, "輸送中の破損を確認しました。", true);
            case REFUND ->
                refunds.refund(new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 0, 0, null));
            case SHIP_EXCHANGE -> workflow.shipExchange(rma, operator, "4821-3307-5590");
            case REPAIRED -> workflow.markRepaired(rma, operator);
            case CLOSE -> workflow.close(rma, operator);
            case REJECT -> workflow.reject(rma, operator, "ご着用の跡があり、返品の条件を満たしていないため、お受けできません。");
            case QUOTE -> workflow.quote(rma, operator, 3300);
            case ACCEPT_QUOTE -> workflow.acceptQuote(rma);
            case DECLINE_QUOTE -> workflow.declineQuote(rma);
        }
    }

    private static List<Move> plus(List<Move> moves, Move next) {
        List<Move> longer = new ArrayList<>(moves);
        longer.add(next);
        return List.copyOf(longer);
    }
}
