package com.aftercare.inquiry;

import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction against the wait for the first answer: the survey answers of the inquiries opened
 * in a period, grouped by how long (wall-clock, from opening) the customer waited for the first
 * response. Inquiries never answered or never rated are left out.
 */
@Service
public class SatisfactionByResponseTime {

    /** The bands' lower bounds in hours; the last band is open-ended. */
    public static final List<Integer> BANDS_HOURS = List.of(0, 1, 4, 24, 72);

    private static final String BANDS =
            String.join(",", BANDS_HOURS.stream().map(String::valueOf).toList());

    /**
     * @param toHours the band's upper bound (excluded), null for the last band
     * @param average average score (1–5) with two decimals, null without answers
     * @param low answers of {@link InquiryFigures#LOW_SCORE} or less
     */
    public record Band(int fromHours, Integer toHours, long answers, BigDecimal average, long low) {}

    private final JdbcClient jdbc;
    private final ShopProperties shop;

    SatisfactionByResponseTime(JdbcClient jdbc, ShopProperties shop) {
        this.jdbc = jdbc;
        this.shop = shop;
    }

    /** @param storefront the storefront the inquiries came through, or null for all */
    @Transactional(readOnly = true)
    public List<Band> of(ReportingPeriod period, StorefrontId storefront) {
        List<Band> bands = new ArrayList<>();
        List<Row> rows = jdbc.sql("""
                        select width_bucket(extract(epoch from i.first_responded_at - i.created_at) / 3600,
                                            cast(array[%s] as double precision[])) as band,
                               count(*), round(avg(s.score), 2), count(*) filter (where s.score <= :low)
                          from inquiry i
                          join inquiry_satisfaction s on s.inquiry_id = i.id
                         where i.created_at >= :start and i.created_at < :end
                           and i.first_responded_at is not null
                           and (cast(:storefront as bigint) is null or i.storefront_id = :storefront)
                         group by 1
                        """.formatted(BANDS))
                .param("low", InquiryFigures.LOW_SCORE)
                .param("start", Timestamp.from(period.start(shop.zone())))
                .param("end", Timestamp.from(period.end(shop.zone())))
                .param("storefront", storefront == null ? null : storefront.value(), Types.BIGINT)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
        for (int i = 0; i < BANDS_HOURS.size(); i++) {
            int band = i + 1; // width_bucket counts the bands from 1
            Row row = rows.stream().filter(r -> r.band() == band).findFirst().orElse(new Row(band, 0, null, 0));
            Integer upper = i + 1 < BANDS_HOURS.size() ? BANDS_HOURS.get(i + 1) : null;
            bands.add(new Band(BANDS_HOURS.get(i), upper, row.answers(), row.average(), row.low()));
        }
        return List.copyOf(bands);
    }

    private record Row(int band, long answers, BigDecimal average, long low) {}
}
