package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BigramsTest {

    @Test
    void shouldCutJapaneseIntoBigramsWithinRunsAndDropHiraganaOnlyPairs() {
        assertThat(Bigrams.of("配送が遅い。")).containsExactlyInAnyOrder("配送", "送が", "が遅", "遅い");
        assertThat(Bigrams.of("ですます")).isEmpty();
    }

    @Test
    void shouldNormaliseWidthAndCase() {
        assertThat(Bigrams.of("ﾍﾝﾋﾟﾝ ＡＢ")).isEqualTo(Bigrams.of("ヘンピン ab"));
    }

    @Test
    void shouldScoreSharedBigramsBetweenZeroAndOne() {
        Set<String> a = Bigrams.of("返品したい");
        assertThat(Bigrams.similarity(a, a)).isEqualTo(1.0);
        assertThat(Bigrams.similarity(a, Bigrams.of("支払い方法"))).isZero();
        assertThat(Bigrams.similarity(a, Set.of())).isZero();
        assertThat(Bigrams.similarity(Bigrams.of("返品の方法"), Bigrams.of("返品の送料"))).isBetween(0.0, 1.0);
    }
}
