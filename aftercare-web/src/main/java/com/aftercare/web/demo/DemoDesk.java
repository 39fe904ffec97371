package com.aftercare.web.demo;

import static com.aftercare.web.demo.DemoQuestions.AFTER_DELIVERY;
import static com.aftercare.web.demo.DemoQuestions.COMMENTS;
import static com.aftercare.web.demo.DemoQuestions.NOT_ARRIVED;

import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.inquiry.CallsAndVisits;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.PhoneHours;
import com.aftercare.inquiry.Priority;
import com.aftercare.inquiry.SatisfactionSurvey;
import com.aftercare.web.demo.DemoOrders.PlannedOrder;
import com.aftercare.web.demo.DemoQuestions.Topic;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * The demo's inquiry desk: customers asking on every channel (phone, mail, chat, the contact form,
 * a repair visit) about their orders, and operators taking, answering, waiting, resolving and
 * closing them, with satisfaction answers. Older inquiries are done; the last days' are still
 * new, open or waiting, some past their SLA. Everything goes through the inquiry facades.
 */
final class DemoDesk {

    private final Inquiries inquiries;
    private final CallsAndVisits calls;
    private final SatisfactionSurvey survey;
    private final SignedTokens tokens;
    private final PhoneHours phoneHours;
    private final ZoneId zone;
    private final DemoClock clock;

    DemoDesk(
            Inquiries inquiries,
            CallsAndVisits calls,
            SatisfactionSurvey survey,
            SignedTokens tokens,
            PhoneHours phoneHours,
            ZoneId zone,
            DemoClock clock) {
        this.clock = clock;
        this.phoneHours = phoneHours;
        this.inquiries = inquiries;
        this.calls = calls;
        this.survey = survey;
        this.tokens = tokens;
        this.zone = zone;
    }

    /** How far an inquiry gets: the older ones all the way, the last days' part of the way. */
    private enum Stage {
        NEW,
        OPEN,
        WAITING,
        RESOLVED,
        CLOSED
    }

    /**
     * Plans {@code count} inquiries about {@code orders}, most over the past weeks and the last
     * few still on the desk, worked by {@code operators}.
     */
    void plan(
            DemoTimeline timeline,
            Random random,
            List<PlannedOrder> orders,
            List<String> operators,
            int count,
            Instant now) {
        Channel[] channels = {Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM, Channel.CHAT, Channel.EMAIL, Channel.VISIT
        };
        for (int i = 0; i < count; i++) {
            boolean recent = i >= count - 16;
            Instant at = recent
                    ? now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 4)))
                    : now.minus(Duration.ofDays(5 + random.nextInt(84))).plus(Duration.ofMinutes(random.nextInt(600)));
            at = withinDay(at);
            if (!at.isBefore(now)) {
                continue;
            }
            PlannedOrder order = orderBefore(orders, at, random);
            if (order == null) {
                continue;
            }
            boolean delivered = order.delivered() != null && order.delivered().isBefore(at);
            List<Topic> topics = delivered ? AFTER_DELIVERY : NOT_ARRIVED;
            Topic topic = topics.get(random.nextInt(topics.size()));
            Channel channel = channels[i % channels.length];
            if (channel == Channel.VISIT) {
                topic = AFTER_DELIVERY.get(5); // a repair visit is about the rice cooker
            }
            String operator = operators.get(random.nextInt(operators.size()));
            // the last days' inquiries stand in each state still on the desk, and one just resolved
            Stage stage = recent ? Stage.values()[i % 4] : Stage.CLOSED;
            story(timeline, random, order, topic, channel, operator, stage, at, now);
        }
        // a call two days ago at 14:00 still open, with its call back promised: whatever the hour
        // the demo starts, the callbacks list has it (due today or overdue)
        pinned(timeline, orders, operators.get(0), now, daysAgoAt(now, 2, 14), 7, Channel.PHONE, Stage.OPEN, 5);
        // a mail ten days ago at 10:00 that nobody has taken: past its first-response due time (one
        // business day) at any hour the demo starts, even after a weekend and the New Year closing
        pinned(timeline, orders, operators.get(0), now, daysAgoAt(now, 10, 10), 11, Channel.EMAIL, Stage.NEW, 0);
    }

    /**
     * One story placed at a fixed moment, so the console always shows what it stands for, not
     * only when one of the planned stories happens to fall so. Its own random numbers, so the rest
     * of the history stays as it was.
     *
     * @param afterDelivery the topic, of {@code AFTER_DELIVERY}, when its order had arrived by then
     */
    private void pinned(
            DemoTimeline timeline,
            List<PlannedOrder> orders,
            String operator,
            Instant now,
            Instant at,
            long seed,
            Channel channel,
            Stage stage,
            int afterDelivery) {
        Random own = new Random(seed);
        PlannedOrder order = orderBefore(orders, at, own);
        if (order == null) {
            return;
        }
        boolean delivered = order.delivered() != null && order.delivered().isBefore(at);
        Topic topic = delivered ? AFTER_DELIVERY.get(afterDelivery) : NOT_ARRIVED.get(0);
        story(timeline, own, order, topic, channel, operator, stage, at, now);
    }

    private Instant daysAgoAt(Instant now, int days, int hour) {
        return now.atZone(zone).minusDays(days).withHour(hour).withMinute(0).toInstant();
    }

    /**
     * The demo's storefronts subscribe to no webhook, so nothing would carry a reply to their
     * chat: the demo's operators confirm sending chat replies by mail, as the reply form asks.
     */
    private static boolean byMail(Channel channel) {
        return channel == Channel.CHAT;
    }

    private void story(
            DemoTimeline timeline,
            Random random,
            PlannedOrder order,
            Topic topic,
            Channel channel,
            String operator,
            Stage stage,
            Instant at,
            Instant now) {
        String[] reference = {null};
        String what = channel + " inquiry on " + order.number();
        // a caller whose question is still on the desk was promised a call back: the callbacks list
        boolean callback = stage == Stage.NEW || stage == Stage.OPEN || stage == Stage.WAITING;
        timeline.at(
                at, what + " opened", () -> reference[0] = open(order, topic, channel, operator, at, random, callback));
        if (stage == Stage.NEW) {
            return;
        }
        Instant answered = at.plus(Duration.ofMinutes(20 + random.nextInt(240)));
        timeline.at(answered, what + " taken", () -> inquiries.take(reference[0], operator));
        timeline.at(
                answered.plusSeconds(60),
                what + " answered",
                () -> inquiries.reply(new Inquiries.Reply(reference[0], operator, topic.answer(), byMail(channel))));
        Instant last = answered.plusSeconds(60);
        if (topic.followUp() != null && stage != Stage.OPEN && (stage == Stage.WAITING || random.nextBoolean())) {
            timeline.at(
                    last.plusSeconds(30), what + " waiting", () -> inquiries.waitOnCustomer(reference[0], operator));
            if (stage == Stage.WAITING) {
                return;
            }
            Instant customerWrote = last.plus(Duration.ofHours(3 + random.nextInt(30)));
            timeline.at(
                    customerWrote,
                    what + " customer wrote",
                    () -> inquiries.addCustomerMessage(new Inquiries.AddCustomerMessage(
                            order.storefront(),
                            reference[0],
                            topic.followUp(),
                            order.customer().name())));
            last = customerWrote.plus(Duration.ofMinutes(30 + random.nextInt(120)));
            timeline.at(
                    last,
                    what + " thanked",
                    () -> inquiries.reply(new Inquiries.Reply(
                            reference[0], operator, "ご返信ありがとうございます。またお気軽にお問い合わせください。", byMail(channel))));
        }
        if (stage == Stage.OPEN || stage == Stage.WAITING) {
            return;
        }
        Instant resolved = last.plus(Duration.ofMinutes(5));
        timeline.at(resolved, what + " resolved", () -> inquiries.resolve(reference[0], operator));
        if (random.nextInt(10) < 6) {
            int score = score(random);
            String comment = score >= 4 ? COMMENTS.get(random.nextInt(4)) : COMMENTS.get(4);
            timeline.at(
                    resolved.plus(Duration.ofHours(2 + random.nextInt(40))),
                    what + " rated",
                    () -> rate(reference[0], score, comment));
        }
        if (stage == Stage.CLOSED) {
            timeline.at(
                    resolved.plus(Duration.ofDays(3)), what + " closed", () -> inquiries.close(reference[0], operator));
        }
    }

    private String open(
            PlannedOrder order,
            Topic topic,
            Channel channel,
            String operator,
            Instant at,
            Random random,
            boolean callback) {
        DemoShop.Person c = order.customer();
        StorefrontId storefront = order.storefront();
        return switch (channel) {
            case EMAIL ->
                inquiries
                        .takeInboundMail(new Inquiries.InboundMail(
                                storefront,
                                c.email(),
                                c.name(),
                                topic.subject() + "（注文番号 " + order.number() + "）",
                                topic.question() + "\n\n" + c.name(),
                                "<demo-" + order.number() + "-" + at.toEpochMilli() + "@example.jp>",
                                null,
                                null,
                                null))
                        .reference();
            case PHONE ->
                calls.logCall(new CallsAndVisits.LogCall(
                                intake(order, topic, operator, topic.subject() + "。" + topic.question()),
                                c.name(),
                                callback,
                                callback ? callbackAfter(at) : null))
                        .reference();
            case VISIT ->
                calls.bookVisit(new CallsAndVisits.BookVisit(
                                intake(order, topic, operator, "訪問修理のご依頼。" + topic.question()),
                                c.prefecture() + c.address(),
                                visitSlot(at, 0),
                                visitSlot(at, 2),
                                "修理担当 森"))
                        .reference();
            // the demo's LINE conversations arrive as LINE's webhook events (DemoLine), never planned here
            case CHAT, WEB_FORM, LINE ->
                inquiries
                        .open(new Inquiries.OpenInquiry(
                                storefront,
                                channel,
                                c.email(),
                                c.name(),
                                c.phone(),
                                order.number(),
                                topic.category(),
                                random.nextInt(8) == 0 ? Priority.HIGH : null,
                                topic.subject(),
                                topic.question(),
                                "customer"))
                        .reference();
        };
    }

    private CallsAndVisits.Intake intake(PlannedOrder order, Topic topic, String operator, String summary) {
        DemoShop.Person c = order.customer();
        return new CallsAndVisits.Intake(
                order.storefront(),
                c.email(),
                c.name(),
                c.phone(),
                summary,
                topic.category(),
                null,
                order.number(),
                operator,
                null);
    }

    /** Two days on at 13:00 (plus {@code hours}), the shop's time: a visit is booked ahead. */
    private Instant visitSlot(Instant at, int hours) {
        return at.atZone(zone)
                .toLocalDate()
                .plusDays(2)
                .atTime(13 + hours, 0)
                .atZone(zone)
                .toInstant();
    }

    /** The customer answers the survey mail's one question, as the signed link lets them. */
    private void rate(String reference, int score, String comment) {
        InquiryView inquiry = inquiries.find(reference).orElseThrow();
        String token = tokens.sign(
                SatisfactionSurvey.PURPOSE,
                Long.toString(inquiry.id().value()),
                clock.instant().plus(Duration.ofDays(30)));
        survey.answer(token, score, comment);
    }

    /** Mostly content customers, a few unhappy ones (whose low score flags the inquiry). */
    private static int score(Random random) {
        int draw = random.nextInt(100);
        return draw < 48 ? 5 : draw < 78 ? 4 : draw < 90 ? 3 : draw < 96 ? 2 : 1;
    }

    /** Inquiries come in during the day: a moment at night moves to the next morning. */
    /** The first half hour in the phone hours from an hour after the call on: when it was promised. */
    private Instant callbackAfter(Instant call) {
        Instant at = call.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 48 * 14 && !phoneHours.contains(at); i++) {
            at = at.plus(Duration.ofMinutes(30));
        }
        return at;
    }

    private Instant withinDay(Instant at) {
        var local = at.atZone(zone);
        if (local.getHour() < 9) {
            return local.withHour(9 + local.getMinute() % 3).toInstant();
        }
        if (local.getHour() >= 21) {
            return local.plusDays(1).withHour(9 + local.getMinute() % 3).toInstant();
        }
        return at;
    }

    /** One of the orders placed shortly before {@code at} (the customer asks about a recent order). */
    private static PlannedOrder orderBefore(List<PlannedOrder> orders, Instant at, Random random) {
        List<PlannedOrder> before = orders.stream()
                .filter(o -> o.placed().isBefore(at.minus(Duration.ofHours(6))) && !o.cancelled())
                .filter(o -> o.placed().isAfter(at.minus(Duration.ofDays(20))))
                .toList();
        return before.isEmpty() ? null : before.get(random.nextInt(before.size()));
    }
}
