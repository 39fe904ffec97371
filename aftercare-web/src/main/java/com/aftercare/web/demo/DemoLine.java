package com.aftercare.web.demo;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.line.LineDispatcher;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.LineConversations;
import com.aftercare.inquiry.LineCustomerLinks;
import com.aftercare.web.demo.DemoOrders.PlannedOrder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The demo shop's LINE official account at work: conversations that arrive as LINE's webhook
 * events, through the desk's LINE intake ({@link LineConversations#take}, what the webhook calls
 * once the signature is checked; the display names come from the profile API of the demo's
 * {@link DemoLinePlatform}), and operators answering them on LINE. One LINE-only customer asks
 * about a restock and sends a sticker (waiting on them now); one is sent the order lookup link,
 * finds their order with it (as the portal's lookup does) and is that order's customer from then
 * on (resolved); one has just written and waits in the queue.
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoLine {

    static final String MISAKI = "U1a2b3c4d5e6f708192a3b4c5d6e7f801";
    static final String YUTA = "U2b3c4d5e6f708192a3b4c5d6e7f80912";
    static final String AOI = "U3c4d5e6f708192a3b4c5d6e7f8091a23";
    /** The demo's LINE users (userId: display name), as the stand-in's profile API answers them. */
    static final Map<String, String> FRIENDS = Map.of(MISAKI, "みさき", YUTA, "ゆうた", AOI, "あおい");
    /** The demo account's own userId, as the stand-in's bot info gives it. */
    static final String BOT_USER_ID = "U0f0e0d0c0b0a09080706050403020100";

    private static final String OPERATOR = "sato.miho";

    private final LineConversations conversations;
    private final Inquiries inquiries;
    private final LineCustomerLinks links;
    private final Orders orders;
    private final LineDispatcher dispatcher;
    private final MessageSource messages;
    private final LineChannels channels;

    DemoLine(
            LineChannels channels,
            LineConversations conversations,
            Inquiries inquiries,
            LineCustomerLinks links,
            Orders orders,
            LineDispatcher dispatcher,
            MessageSource messages) {
        this.conversations = conversations;
        this.inquiries = inquiries;
        this.links = links;
        this.orders = orders;
        this.dispatcher = dispatcher;
        this.messages = messages;
        this.channels = channels;
    }

    /**
     * Gives {@code shop} its LINE official account, with the made-up credentials the stand-in
     * takes (at every start: a data directory from before the demo had LINE gets it too).
     */
    void connect(StorefrontId shop) {
        channels.ensure(shop, DemoLinePlatform.CHANNEL_SECRET, DemoLinePlatform.ACCESS_TOKEN, "demo");
    }

    /** Plans the three conversations on {@code shop}'s account, the linked one about one of its orders. */
    void plan(DemoTimeline timeline, StorefrontId shop, List<PlannedOrder> planned, Instant now) {
        restock(timeline, shop, now.minus(Duration.ofHours(30)));
        Instant asked = now.minus(Duration.ofDays(3));
        notArrived(planned, shop, asked).ifPresent(order -> linked(timeline, shop, order, asked));
        timeline.at(
                now.minus(Duration.ofMinutes(40)),
                "LINE: a new customer asks about gift wrapping",
                () -> text(shop, AOI, "c1", "はじめまして。母の日のプレゼントにしたいのですが、ギフト包装はできますか？"));
    }

    /** A LINE-only customer: a question and a sticker, answered on LINE; the desk waits on her. */
    private void restock(DemoTimeline timeline, StorefrontId shop, Instant at) {
        String[] reference = {null};
        timeline.at(
                at,
                "LINE: a restock question",
                () -> reference[0] = text(shop, MISAKI, "a1", "リネンシャツの M サイズは再入荷の予定はありますか？"));
        timeline.at(
                at.plusSeconds(40),
                "LINE: a sticker",
                () -> take(
                        shop,
                        MISAKI,
                        "a2",
                        new LineConversations.Message(
                                messageId("a2"), LineConversations.Kind.STICKER, "お願い, よろしく", null)));
        Instant answered = at.plus(Duration.ofMinutes(45));
        timeline.at(answered, "LINE: restock answered", () -> {
            inquiries.take(reference[0], OPERATOR);
            reply(reference[0], "お問い合わせありがとうございます。リネンシャツ M 生成りは来週水曜日に再入荷の予定です。入荷しましたらこちらの LINE でお知らせしましょうか？");
            inquiries.waitOnCustomer(reference[0], OPERATOR);
        });
    }

    /**
     * A LINE user asks where their order is; the operator sends the order lookup link, the
     * customer finds the order with its number and their email (the portal's lookup), and the
     * conversation is that order's customer's from then on.
     */
    private void linked(DemoTimeline timeline, StorefrontId shop, PlannedOrder order, Instant at) {
        String[] reference = {null};
        timeline.at(
                at,
                "LINE: where is my order",
                () -> reference[0] = text(shop, YUTA, "b1", "先日注文した商品がまだ届きません。注文番号が分からないのですが、調べていただけますか？"));
        String[] url = {null};
        timeline.at(at.plus(Duration.ofMinutes(25)), "LINE: lookup link sent", () -> {
            inquiries.take(reference[0], OPERATOR);
            links.offer(reference[0], OPERATOR, link -> {
                url[0] = link;
                return messages.getMessage("line.link.text", new Object[] {link}, Locale.JAPANESE);
            });
            dispatcher.dispatchDue();
        });
        timeline.at(at.plus(Duration.ofMinutes(50)), "LINE: order found through the link", () -> {
            OrderView found = orders.findByNumberAndContact(
                            order.number(), order.customer().email())
                    .orElseThrow();
            links.link(
                    token(url[0]),
                    new LineCustomerLinks.FoundOrder(found.id(), found.number(), found.customer(), found.storefront()));
        });
        timeline.at(
                at.plus(Duration.ofMinutes(55)),
                "LINE: the customer confirms",
                () -> text(shop, YUTA, "b2", "リンクから確認できました。注文番号は " + order.number() + " です。"));
        timeline.at(at.plus(Duration.ofMinutes(70)), "LINE: answered and resolved", () -> {
            reply(reference[0], "ご確認ありがとうございます。" + order.number() + " は発送済みで、まもなくお届けの予定です。追跡番号はご注文確認ページに表示しております。");
            inquiries.resolve(reference[0], OPERATOR);
        });
    }

    /**
     * The latest order of the shop shipped before {@code at} and not delivered by then, else the
     * latest shipped before it (the customer asks about it all the same).
     */
    private static Optional<PlannedOrder> notArrived(List<PlannedOrder> planned, StorefrontId shop, Instant at) {
        List<PlannedOrder> shipped = planned.stream()
                .filter(o -> o.storefront().equals(shop) && !o.cancelled())
                .filter(o -> o.shipped() != null && o.shipped().isBefore(at))
                .toList();
        return shipped.stream()
                .filter(o -> o.delivered() == null || o.delivered().isAfter(at))
                .max(Comparator.comparing(PlannedOrder::placed))
                .or(() -> shipped.stream().max(Comparator.comparing(PlannedOrder::placed)));
    }

    private String text(StorefrontId shop, String user, String event, String words) {
        return take(
                shop,
                user,
                event,
                new LineConversations.Message(messageId(event), LineConversations.Kind.TEXT, words, null));
    }

    /** A message event as LINE's webhook carries it, taken as the webhook takes it (once per event id). */
    private String take(StorefrontId shop, String user, String event, LineConversations.Message message) {
        return conversations
                .take(
                        shop,
                        new LineConversations.Event(
                                "demo-line-" + event,
                                "message",
                                false,
                                "user",
                                user,
                                "demo-reply-token-" + event,
                                message,
                                null))
                .reference();
    }

    /** The operator's answer goes out on LINE at the moment it is given, as the dispatcher would send it. */
    private void reply(String reference, String words) {
        inquiries.reply(new Inquiries.Reply(reference, OPERATOR, words));
        dispatcher.dispatchDue();
    }

    /** LINE's message ids are digits; the demo's are fixed per event. */
    private static String messageId(String event) {
        return Long.toString(5_000_000_000L + event.hashCode());
    }

    private static String token(String url) {
        String query = URI.create(url).getRawQuery();
        return URLDecoder.decode(query.substring(query.indexOf("line=") + 5), StandardCharsets.UTF_8);
    }
}
