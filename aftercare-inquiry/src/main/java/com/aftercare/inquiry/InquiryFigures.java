package com.aftercare.inquiry;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's figures for a period (dates in the shop's time zone, both days included). Every
 * figure is about the <em>inquiries opened in the period</em>: how fast they got a first answer
 * and a resolution (wall-clock time from opening, and business time as the SLA counts it), how
 * many within their SLA, what their customers answered to the satisfaction survey, and how many
 * came by channel, category, day and operator. Set-based in SQL, except the business times, which
 * are worked out per inquiry with the SLA's hours; a day is a calendar day in the shop's zone.
 */
@Service
public class InquiryFigures {

    /** The longest period one page may ask for. */
    public static final int MAX_DAYS = ReportingPeriod.MAX_DAYS;

    /** A score at or below this counts as a low (unhappy) answer. */
    public static final int LOW_SCORE = 2;

    /** Median and average of a duration over {@code count} inquiries (null when count is 0). */
    public record Times(long count, Duration median, Duration average) {

        public BigDecimal medianHours() {
            return hours(median);
        }

        public BigDecimal averageHours() {
            return hours(average);
        }

        private static BigDecimal hours(Duration d) {
            return d == null
                    ? null
                    : BigDecimal.valueOf(d.getSeconds()).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
        }
    }

    /** Satisfaction answers: count, average score (2 decimals), answers at or below {@link #LOW_SCORE}. */
    public record Csat(long count, BigDecimal average, long low) {

        /** The share of low answers in percent (1 decimal), null without answers. */
        public BigDecimal lowPercent() {
            return count == 0
                    ? null
                    : BigDecimal.valueOf(low * 100).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * The figures of one group of inquiries (all of them, or one operator's). The times are
     * wall-clock from arrival; the business ones count only the shop's business hours (as the SLA
     * does), and the business resolution leaves out the time spent waiting on the customer.
     */
    public record Measures(
            long opened,
            long resolved,
            Times firstResponse,
            Times resolution,
            Times firstResponseBusiness,
            Times resolutionBusiness,
            Attainment sla,
            Csat csat) {

        Measures withBusinessTimes(Times firstResponse, Times resolution) {
            return new Measures(
                    opened, resolved, this.firstResponse, this.resolution, firstResponse, resolution, sla, csat);
        }
    }

    /**
     * SLA attainment: of the inquiries answered (resolved), how many by their due time, which
     * includes any later priority change and the pauses while waiting on the customer.
     */
    public record Attainment(long responded, long respondedInTime, long resolved, long resolvedInTime) {

        /** In percent with one decimal; null when none was answered. */
        public BigDecimal firstResponsePercent() {
            return percent(respondedInTime, responded);
        }

        /** In percent with one decimal; null when none was resolved. */
        public BigDecimal resolutionPercent() {
            return percent(resolvedInTime, resolved);
        }

        private static BigDecimal percent(long part, long whole) {
            return whole == 0
                    ? null
                    : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    public record OperatorMeasures(String operator, Measures measures) {}

    public record DayCount(LocalDate day, long opened, long resolved) {}

    /** @param storefront the storefront the figures are limited to, or null for all */
    public record Figures(
            ReportingPeriod period,
            StorefrontId storefront,
            Measures total,
            Map<Channel, Long> byChannel,
            Map<Category, Long> byCategory,
            List<DayCount> perDay,
            List<OperatorMeasures> perOperator) {}

    // One set of measures for any group of inquiries i (with their satisfaction answer s).
    private static final String MEASURES = """
            count(*) as opened,
            count(i.resolved_at) as resolved,
            count(i.first_responded_at) as responded,
            count(*) filter (where i.first_responded_at <= i.first_response_due_at) as responded_in_time,
            count(*) filter (where i.resolved_at <= i.resolution_due_at) as resolved_in_time,
            percentile_cont(0.5) within group (order by extract(epoch from i.first_responded_at - i.created_at))
                as first_median,
            avg(extract(epoch from i.first_responded_at - i.created_at)) as first_average,
            percentile_cont(0.5) within group (order by extract(epoch from i.resolved_at - i.created_at))
                as resolution_median,
            avg(extract(epoch from i.resolved_at - i.created_at)) as resolution_average,
            count(s.score) as answers,
            round(avg(s.score), 2) as score_average,
            count(*) filter (where s.score <= %d) as low
            """.formatted(LOW_SCORE);

    private static final String OPENED_IN_PERIOD = """
              from inquiry i
              left join inquiry_satisfaction s on s.inquiry_id = i.id
             where i.created_at >= :start and i.created_at < :end
               and (cast(:storefront as bigint) is null or i.storefront_id = :storefront)
            """;

    private final JdbcClient jdbc;
    private final ShopProperties shop;
    private final SlaPolicy sla;
    private final Clock clock;

    InquiryFigures(JdbcClient jdbc, ShopProperties shop, SlaPolicy sla, Clock clock) {
        this.jdbc = jdbc;
        this.shop = shop;
        this.sla = sla;
        this.clock = clock;
    }

    /** The last 30 days, today (in the shop's zone) included. */
    public ReportingPeriod lastThirtyDays() {
        return ReportingPeriod.lastThirtyDays(clock.instant(), shop.zone());
    }

    /**
     * @param storefront limits the figures to inquiries that came through it; null: all of them
     * @throws InvalidValue on {@code from} or {@code to} when a date is missing, {@code to} is
     *     before {@code from}, or the period is longer than {@link #MAX_DAYS}
     */
    @Transactional(readOnly = true)
    public Figures of(LocalDate from, LocalDate to, StorefrontId storefront) {
        ReportingPeriod period = new ReportingPeriod(from, to);
        Instant start = period.start(shop.zone());
        Instant end = period.end(shop.zone());
        Function<String, JdbcClient.StatementSpec> inPeriod = sql -> jdbc.sql(sql)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("storefront", storefront == null ? null : storefront.value(), Types.BIGINT);
        List<Span> spans = inPeriod.apply("""
                        select o.username, i.created_at, i.first_responded_at, i.resolved_at, i.paused_seconds
                          from inquiry i left join operator_view o on o.id = i.assignee_operator_id
                         where i.created_at >= :start and i.created_at < :end
                           and (cast(:storefront as bigint) is null or i.storefront_id = :storefront)
                        """)
                .query((rs, n) -> new Span(
                        rs.getString("username"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs, "first_responded_at"),
                        instant(rs, "resolved_at"),
                        rs.getLong("paused_seconds")))
                .list();
        List<BusinessSpan> business = businessSpans(spans);
        Map<String, List<BusinessSpan>> businessByOperator = business.stream()
                .filter(span -> span.operator() != null)
                .collect(Collectors.groupingBy(BusinessSpan::operator));
        Measures total = businessTimes(
                inPeriod.apply("select " + MEASURES + OPENED_IN_PERIOD)
                        .query((rs, n) -> measures(rs))
                        .single(),
                business);
        List<OperatorMeasures> perOperator = inPeriod.apply("select o.username, " + MEASURES
                        + OPENED_IN_PERIOD.replace(
                                "left join inquiry_satisfaction",
                                "join operator_view o on o.id = i.assignee_operator_id left join inquiry_satisfaction")
                        + " group by o.username order by o.username")
                .query((rs, n) -> new OperatorMeasures(
                        rs.getString("username"),
                        businessTimes(
                                measures(rs), businessByOperator.getOrDefault(rs.getString("username"), List.of()))))
                .list();
        return new Figures(
                period,
                storefront,
                total,
                countBy(inPeriod, "channel", Channel.values(), Channel::valueOf),
                countBy(inPeriod, "category", Category.values(), Category::valueOf),
                perDay(period, inPeriod),
                perOperator);
    }

    /** Every value of the enum, in its order, with 0 where no inquiry had it. */
    private static <E extends Enum<E>> Map<E, Long> countBy(
            Function<String, JdbcClient.StatementSpec> inPeriod, String column, E[] values, Function<String, E> parse) {
        Map<E, Long> counts = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> counts.put(v, 0L));
        inPeriod.apply("select i." + column + ", count(*) " + OPENED_IN_PERIOD + " group by i." + column)
                .query((rs, n) -> Map.entry(parse.apply(rs.getString(1)), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Opened (by opening day) and resolved (by resolution day) per calendar day in the shop's zone. */
    private List<DayCount> perDay(ReportingPeriod period, Function<String, JdbcClient.StatementSpec> inPeriod) {
        return inPeriod.apply("""
                        with mine as (
                            select created_at, resolved_at from inquiry
                             where cast(:storefront as bigint) is null or storefront_id = :storefront),
                        opened as (
                            select (created_at at time zone :zone)::date as day, count(*) as n from mine
                             where created_at >= :start and created_at < :end group by 1),
                        resolved as (
                            select (resolved_at at time zone :zone)::date as day, count(*) as n from mine
                             where resolved_at >= :start and resolved_at < :end group by 1)
                        select d::date, coalesce(o.n, 0), coalesce(r.n, 0)
                          from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                          left join opened o on o.day = d::date
                          left join resolved r on r.day = d::date
                         order by 1
                        """)
                .param("zone", shop.zone().getId())
                .param("from", period.from())
                .param("to", period.to())
                .query((rs, n) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private static Measures measures(ResultSet rs) throws SQLException {
        return new Measures(
                rs.getLong("opened"),
                rs.getLong("resolved"),
                new Times(rs.getLong("responded"), seconds(rs, "first_median"), seconds(rs, "first_average")),
                new Times(rs.getLong("resolved"), seconds(rs, "resolution_median"), seconds(rs, "resolution_average")),
                null,
                null,
                new Attainment(
                        rs.getLong("responded"),
                        rs.getLong("responded_in_time"),
                        rs.getLong("resolved"),
                        rs.getLong("resolved_in_time")),
                new Csat(rs.getLong("answers"), rs.getBigDecimal("score_average"), rs.getLong("low")));
    }

    /** One inquiry's times, for the business-hours measures (worked out with the SLA's hours). */
    private record Span(String operator, Instant created, Instant responded, Instant resolved, long pausedSeconds) {}

    /** One inquiry's business times (null where it was not answered or resolved). */
    private record BusinessSpan(String operator, Duration firstResponse, Duration resolution) {}

    /** Each inquiry's business times, worked out once for the total and the operators. */
    private List<BusinessSpan> businessSpans(List<Span> spans) {
        return spans.stream()
                .map(span -> new BusinessSpan(
                        span.operator(),
                        span.responded() == null ? null : sla.businessTime(span.created(), span.responded()),
                        span.resolved() == null ? null : deskTime(span)))
                .toList();
    }

    /** Business time to resolve, the waits on the customer left out. */
    private Duration deskTime(Span span) {
        Duration desk = sla.businessTime(span.created(), span.resolved()).minusSeconds(span.pausedSeconds());
        return desk.isNegative() ? Duration.ZERO : desk;
    }

    private static Measures businessTimes(Measures measures, List<BusinessSpan> spans) {
        return measures.withBusinessTimes(
                times(spans.stream()
                        .map(BusinessSpan::firstResponse)
                        .filter(Objects::nonNull)
                        .toList()),
                times(spans.stream()
                        .map(BusinessSpan::resolution)
                        .filter(Objects::nonNull)
                        .toList()));
    }

    /** Median (the middle one, or halfway between the middle two, as percentile_cont) and average. */
    static Times times(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Times(0, null, null);
        }
        List<Long> seconds =
                durations.stream().map(Duration::getSeconds).sorted().toList();
        int n = seconds.size();
        double median = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0;
        double average = seconds.stream().mapToLong(Long::longValue).average().orElse(0);
        return new Times(n, Duration.ofSeconds(Math.round(median)), Duration.ofSeconds(Math.round(average)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null
                ? null
                : Duration.ofSeconds(value.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
