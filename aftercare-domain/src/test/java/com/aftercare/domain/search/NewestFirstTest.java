package com.aftercare.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NewestFirstTest {

    /** Windows asked for, as "floor-upper limit". */
    private final List<String> asked = new ArrayList<>();

    @Test
    void shouldStopAtTheFirstWindowThatFillsThePage() {
        List<Long> rows = NewestFirst.rows(1_000, 100, 8, 3, this::everyId);

        assertThat(rows).containsExactly(999L, 998L, 997L);
        assertThat(asked).containsExactly("900-1000 3");
    }

    @Test
    void shouldWidenEachWindowBelowTheLastAndAskOnlyForWhatIsMissing() {
        // matches only at ids 950 and 5: the page needs windows down to 0
        List<Long> rows = NewestFirst.rows(
                1_000,
                100,
                8,
                3,
                (floor, upper, limit) -> LongStream.of(950, 5)
                        .filter(id -> id >= floor && id < upper)
                        .boxed()
                        .limit(record(floor, upper, limit))
                        .toList());

        assertThat(rows).containsExactly(950L, 5L);
        assertThat(asked).containsExactly("900-1000 3", "100-900 2", "0-100 2");
    }

    @Test
    void shouldAskNothingBelowIdOne() {
        assertThat(NewestFirst.rows(0, 100, 8, 3, this::everyId)).isEmpty();
        assertThat(asked).isEmpty();
    }

    private List<Long> everyId(long floor, long upper, int limit) {
        record(floor, upper, limit);
        return LongStream.iterate(upper - 1, id -> id >= floor, id -> id - 1)
                .limit(limit)
                .boxed()
                .toList();
    }

    private int record(long floor, long upper, int limit) {
        asked.add(floor + "-" + upper + " " + limit);
        return limit;
    }
}
