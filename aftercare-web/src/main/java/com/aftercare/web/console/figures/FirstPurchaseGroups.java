package com.aftercare.web.console.figures;

import com.aftercare.web.console.figures.BusinessFigures.RepeatRate;
import com.aftercare.web.console.figures.BusinessFigures.SecondPurchaseBand;
import com.aftercare.web.console.figures.BusinessFigures.Side;
import com.aftercare.web.console.figures.BusinessFigures.Touch;
import com.aftercare.web.console.figures.BusinessFigures.TouchComparison;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The period's first-time customers counted in one pass over {@code customer_purchase}, grouped by
 * what the business view tells apart: the four touches, how many repeat windows have passed, and
 * the band of days their second purchase came in. The customer count, repeat rates, second-purchase
 * bands and touch comparison are then sums over at most a few hundred groups. At a million orders
 * this replaced four passes with a filtered aggregate per figure (32 for the touches alone), which
 * evaluated each filter on every row: 0.6 s of a year's page became 0.15 s (docs/benchmarks.md).
 *
 * <p>The repeat windows and the touch window are bounds of the second-purchase bands, so "bought
 * again within n days" is "in a band that ends by n days", exactly as the per-row comparison was.
 */
final class FirstPurchaseGroups {

    static {
        for (int days : BusinessFigures.WINDOWS) {
            if (!BusinessFigures.SECOND_PURCHASE_BANDS.contains(days)) {
                throw new IllegalStateException("repeat window " + days + " is not a second-purchase band bound");
            }
        }
        if (!BusinessFigures.WINDOWS.contains(BusinessFigures.TOUCH_DAYS)) {
            throw new IllegalStateException("the touch window must be a repeat window");
        }
    }

    /**
     * @param passed how many of {@link BusinessFigures#WINDOWS} have passed since the first purchase
     * @param band index into {@link BusinessFigures#SECOND_PURCHASE_BANDS}; null: no second purchase
     * @param revenue yen spent in the first {@link BusinessFigures#TOUCH_DAYS} days
     */
    record Group(boolean[] touched, int passed, Integer band, long customers, long revenue) {}

    private final List<Group> groups;

    FirstPurchaseGroups(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /**
     * The statement over {@code fromWhere} (the business view's {@code from … where}), with one
     * parameter {@code passed<i>} per repeat window: {@link #passedBefore(Instant)}.
     */
    static String select(String fromWhere) {
        String touches = Arrays.stream(Touch.values()).map(t -> t.column).collect(Collectors.joining(", "));
        String passed = IntStream.range(0, BusinessFigures.WINDOWS.size())
                .mapToObj(i -> "cast(first_order_at <= :passed" + i + " as int)")
                .collect(Collectors.joining(" + "));
        String bounds = BusinessFigures.SECOND_PURCHASE_BANDS.stream()
                .skip(1)
                .map(days -> String.valueOf(days * 86400L))
                .collect(Collectors.joining(", "));
        String revenue = IntStream.rangeClosed(1, BusinessFigures.TOUCH_DAYS / 30)
                .mapToObj(k -> "revenue_by_month[" + k + "]")
                .collect(Collectors.joining(" + "));
        int keys = Touch.values().length + 2;
        return "select " + touches + ", " + passed + " as passed,"
                + " width_bucket(extract(epoch from second_order_at - first_order_at), array[" + bounds
                + "]::float8[]) as band, count(*), coalesce(sum(" + revenue + "), 0) "
                + fromWhere + " group by "
                + IntStream.rangeClosed(1, keys).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The parameters {@link #select()} names: the first-purchase time before which each window has passed. */
    static List<Timestamp> passedBefore(Instant now) {
        return BusinessFigures.WINDOWS.stream()
                .map(days -> Timestamp.from(now.minus(Duration.ofDays(days))))
                .toList();
    }

    static Group group(ResultSet rs) throws SQLException {
        int touches = Touch.values().length;
        boolean[] touched = new boolean[touches];
        for (int i = 0; i < touches; i++) {
            touched[i] = rs.getBoolean(i + 1);
        }
        int passed = rs.getInt(touches + 1);
        Integer band = rs.getObject(touches + 2, Integer.class);
        return new Group(touched, passed, band, rs.getLong(touches + 3), rs.getLong(touches + 4));
    }

    long customers() {
        return count(g -> true);
    }

    List<RepeatRate> repeat() {
        List<RepeatRate> rates = new ArrayList<>();
        for (int w = 0; w < BusinessFigures.WINDOWS.size(); w++) {
            int window = w;
            int days = BusinessFigures.WINDOWS.get(w);
            rates.add(new RepeatRate(
                    days, count(g -> g.passed() > window), count(g -> g.passed() > window && within(g, days))));
        }
        return List.copyOf(rates);
    }

    List<SecondPurchaseBand> bands() {
        List<Integer> bounds = BusinessFigures.SECOND_PURCHASE_BANDS;
        return IntStream.range(0, bounds.size())
                .mapToObj(i -> new SecondPurchaseBand(
                        bounds.get(i),
                        i + 1 < bounds.size() ? bounds.get(i + 1) : null,
                        count(g -> g.band() != null && g.band() == i)))
                .toList();
    }

    long notYet() {
        return count(g -> g.band() == null);
    }

    List<TouchComparison> touches() {
        int window = BusinessFigures.WINDOWS.indexOf(BusinessFigures.TOUCH_DAYS);
        Predicate<Group> matured = g -> g.passed() > window;
        List<TouchComparison> rows = new ArrayList<>();
        for (Touch touch : Touch.values()) {
            Predicate<Group> with = g -> g.touched()[touch.ordinal()];
            rows.add(new TouchComparison(touch, side(with, matured), side(with.negate(), matured)));
        }
        return List.copyOf(rows);
    }

    private Side side(Predicate<Group> side, Predicate<Group> matured) {
        Predicate<Group> counted = side.and(matured);
        return new Side(
                count(side),
                count(counted),
                count(counted.and(g -> within(g, BusinessFigures.TOUCH_DAYS))),
                groups.stream().filter(counted).mapToLong(Group::revenue).sum());
    }

    /** Whether the second purchase came less than {@code days} after the first. */
    private static boolean within(Group g, int days) {
        List<Integer> bounds = BusinessFigures.SECOND_PURCHASE_BANDS;
        return g.band() != null && g.band() + 1 < bounds.size() && bounds.get(g.band() + 1) <= days;
    }

    private long count(Predicate<Group> which) {
        return groups.stream().filter(which).mapToLong(Group::customers).sum();
    }
}
