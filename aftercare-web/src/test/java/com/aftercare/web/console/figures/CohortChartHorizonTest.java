package com.aftercare.web.console.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LTV chart's one horizon: 90 days once two months have got there, shorter for a young shop. */
class CohortChartHorizonTest {

    @Test
    void shouldChartNinetyDaysOnceTwoMonthsHaveGotThere() {
        assertThat(BusinessTables.chartHorizon(List.of(cohort("2031-01", 3), cohort("2031-02", 5))))
                .isEqualTo(3);
    }

    @Test
    void shouldChartTheLongestHorizonTwoMonthsHaveReachedSoThatMonthsCompare() {
        assertThat(BusinessTables.chartHorizon(
                        List.of(cohort("2031-01", 2), cohort("2031-02", 2), cohort("2031-03", 0))))
                .isEqualTo(2);
        assertThat(BusinessTables.chartHorizon(List.of(cohort("2031-01", 2), cohort("2031-02", 1))))
                .as("60 days for one month alone, 30 days for both: 30")
                .isEqualTo(1);
    }

    @Test
    void shouldChartTheLongestHorizonOfTheOneMonthThereIsAndThirtyDaysWithNone() {
        assertThat(BusinessTables.chartHorizon(List.of(cohort("2031-01", 3), cohort("2031-02", 0))))
                .isEqualTo(3);
        assertThat(BusinessTables.chartHorizon(List.of(cohort("2031-03", 0)))).isEqualTo(1);
    }

    /** A month whose customers have all had {@code months} months: values up to there, nulls after. */
    private static BusinessFigures.Cohort cohort(String month, int months) {
        List<Long> ltv = new ArrayList<>(Collections.nCopies(12, (Long) null));
        for (int k = 0; k < months; k++) {
            ltv.set(k, 1000L * (k + 1));
        }
        return new BusinessFigures.Cohort(YearMonth.parse(month), 4, ltv);
    }
}
