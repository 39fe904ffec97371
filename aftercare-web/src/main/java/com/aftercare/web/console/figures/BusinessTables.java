package com.aftercare.web.console.figures;

import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.inquiry.SatisfactionByResponseTime;
import com.aftercare.returns.ClaimFigures;
import com.aftercare.web.console.CsvDownload;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The business view's tables, once for the page (with its charts) and once for each table's CSV
 * file, so that the file holds exactly the numbers the page shows. Shares are percent with one
 * decimal, money is whole yen, as plain numbers.
 */
@Component
class BusinessTables {

    /** How many products the page lists by return rate (the claims' figures page lists them all). */
    static final int TOP_PRODUCTS = 10;

    /** The cohort chart's longest horizon: the LTV after 3 months (90 days) of each first-purchase month. */
    static final int CHART_LTV_MONTHS = 3;

    private final BusinessFigures business;
    private final ClaimFigures claims;
    private final SatisfactionByResponseTime satisfaction;

    BusinessTables(BusinessFigures business, ClaimFigures claims, SatisfactionByResponseTime satisfaction) {
        this.business = business;
        this.claims = claims;
        this.satisfaction = satisfaction;
    }

    /** The business view of a period and storefront, with its charts, into the page's model. */
    void addTo(Model model, ReportingPeriod period, StorefrontId storefront) {
        BusinessFigures.Business b = business.of(period, storefront);
        ClaimFigures.Figures returns = claims.of(period, storefront);
        List<SatisfactionByResponseTime.Band> csat = satisfaction.of(period, storefront);
        model.addAttribute("business", b);
        model.addAttribute(
                "returnsByProduct",
                returns.byProduct().stream().limit(TOP_PRODUCTS).toList());
        model.addAttribute("returnsByReason", returns.byReason());
        model.addAttribute("csatBands", csat);

        Map<String, BigDecimal> repeat = new LinkedHashMap<>();
        b.repeat().forEach(r -> repeat.put(String.valueOf(r.days()), r.percent()));
        model.addAttribute("repeatChart", ColumnChart.ofDecimals("figures.business.days.", repeat));
        Map<String, Long> second = new LinkedHashMap<>();
        b.timeToSecond()
                .bands()
                .forEach(band -> second.put(bandLabel(band.fromDays(), band.toDays()), band.customers()));
        model.addAttribute("secondChart", ColumnChart.of("", second));
        int months = chartHorizon(b.cohorts());
        Map<String, BigDecimal> cohorts = new LinkedHashMap<>();
        b.cohorts().forEach(c -> cohorts.put(c.month().toString(), ltvAfter(c, months)));
        model.addAttribute("cohortChart", ColumnChart.ofDecimals("", cohorts));
        model.addAttribute("cohortChartDays", months * 30);
        Map<String, BigDecimal> touches = new LinkedHashMap<>();
        b.touches().forEach(t -> {
            touches.put(t.touch().name() + ".with", t.with().repeatPercent());
            touches.put(t.touch().name() + ".without", t.without().repeatPercent());
        });
        model.addAttribute("touchChart", ColumnChart.ofDecimals("figures.business.touch.", touches));
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        csat.forEach(band -> scores.put(bandLabel(band.fromHours(), band.toHours()) + "h", band.average()));
        model.addAttribute("csatChart", ColumnChart.ofDecimals("", scores));
    }

    /**
     * The cohort chart's one horizon for every column, so months compare (each month's latest
     * value would set a young month's one month against an old month's twelve): {@link
     * #CHART_LTV_MONTHS}, or shorter while fewer than two months have got that far (a young shop),
     * so the chart compares months where it can.
     */
    static int chartHorizon(List<BusinessFigures.Cohort> cohorts) {
        for (int enough : new int[] {2, 1}) {
            for (int months = CHART_LTV_MONTHS; months >= 1; months--) {
                int k = months;
                if (cohorts.stream().filter(c -> ltvAfter(c, k) != null).count() >= enough) {
                    return months;
                }
            }
        }
        return 1;
    }

    /** A cohort's LTV after {@code months}, null until all its customers got there. */
    private static BigDecimal ltvAfter(BusinessFigures.Cohort cohort, int months) {
        Long yen = cohort.ltv().size() < months ? null : cohort.ltv().get(months - 1);
        return yen == null ? null : BigDecimal.valueOf(yen);
    }

    /** "0–7", "365+": a band's label in numbers, the same in every language. */
    static String bandLabel(int from, Integer to) {
        return to == null ? from + "+" : from + "–" + to;
    }

    /** The file of one business table, or empty when {@code table} is not one of them. */
    Optional<CsvDownload.Export> export(String table, Map<String, Object> filter) {
        List<String> header = switch (table) {
            case "repeat" ->
                List.of(
                        "csv.figures.business.window", "csv.figures.business.matured",
                        "csv.figures.business.repeated", "csv.figures.business.repeatPercent");
            case "second-purchase" -> List.of("csv.figures.business.days", "csv.figures.business.customers");
            case "cohorts" -> cohortHeader();
            case "touches" ->
                List.of(
                        "csv.figures.business.touch", "csv.figures.business.touched",
                        "csv.figures.business.customers", "csv.figures.business.matured",
                        "csv.figures.business.repeatPercent", "csv.figures.business.averageRevenue");
            case "csat" ->
                List.of(
                        "csv.figures.business.firstResponseHours", "csv.figures.csatCount",
                        "csv.figures.csatAverage", "csv.figures.business.lowScores");
            default -> null;
        };
        return Optional.ofNullable(header).map(h -> new CsvDownload.Export("figures-" + table, h, filter));
    }

    /** The rows of one business table (one {@link #export} said yes to). */
    CsvDownload.Rows rows(String table, ReportingPeriod period, StorefrontId storefront) {
        return switch (table) {
            case "repeat" ->
                sheet -> business.of(period, storefront)
                        .repeat()
                        .forEach(r -> sheet.row(r.days(), r.matured(), r.repeated(), r.percent()));
            case "second-purchase" ->
                sheet -> {
                    BusinessFigures.TimeToSecond t =
                            business.of(period, storefront).timeToSecond();
                    t.bands().forEach(band -> sheet.row(bandLabel(band.fromDays(), band.toDays()), band.customers()));
                    sheet.row(sheet.message("figures.business.second.notYet"), t.notYet());
                };
            case "cohorts" ->
                sheet -> business.of(period, storefront).cohorts().forEach(c -> {
                    Object[] cells = new Object[2 + c.ltv().size()];
                    cells[0] = c.month().toString();
                    cells[1] = c.customers();
                    for (int k = 0; k < c.ltv().size(); k++) {
                        cells[2 + k] = c.ltv().get(k);
                    }
                    sheet.row(cells);
                });
            case "touches" ->
                sheet -> business.of(period, storefront).touches().forEach(t -> {
                    String touch =
                            sheet.message("figures.business.touch." + t.touch().name());
                    side(sheet, touch, sheet.message("figures.business.with"), t.with());
                    side(sheet, touch, sheet.message("figures.business.without"), t.without());
                });
            case "csat" ->
                sheet -> satisfaction
                        .of(period, storefront)
                        .forEach(band -> sheet.row(
                                bandLabel(band.fromHours(), band.toHours()),
                                band.answers(),
                                band.average(),
                                band.low()));
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static void side(CsvDownload.Sheet sheet, String touch, String which, BusinessFigures.Side side) {
        sheet.row(touch, which, side.customers(), side.matured(), side.repeatPercent(), side.averageRevenue());
    }

    private static List<String> cohortHeader() {
        List<String> header =
                new java.util.ArrayList<>(List.of("csv.figures.business.cohort", "csv.figures.business.customers"));
        for (int k = 1; k <= BusinessFigures.COHORT_MONTHS; k++) {
            header.add("csv.figures.business.ltv" + k);
        }
        return header;
    }
}
