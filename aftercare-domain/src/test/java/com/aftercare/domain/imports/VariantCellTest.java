package com.aftercare.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** A mall's variant cell as the catalogue's attributes, in the mall's order. */
class VariantCellTest {

    @Test
    void shouldReadRakutensOneChoicePerLineInItsOrder() {
        assertThat(VariantCell.attributes("カラー:ネイビー\nサイズ:M")).containsExactly(entry("カラー", "ネイビー"), entry("サイズ", "M"));
    }

    @Test
    void shouldReadChoicesOnOneLineWithFullWidthSeparatorsAndCarriageReturns() {
        assertThat(VariantCell.attributes("サイズ：L、カラー＝白\r\n 名入れ : なし ;"))
                .containsExactly(entry("サイズ", "L"), entry("カラー", "白"), entry("名入れ", "なし"));
    }

    @Test
    void shouldNameBareChoicesAndKeepEachOfThem() {
        assertThat(VariantCell.attributes("M\nネイビー")).containsExactly(entry("選択肢", "M"), entry("選択肢2", "ネイビー"));
    }

    @Test
    void shouldReadNothingFromAnEmptyCellOrChoicesWithoutValues() {
        assertThat(VariantCell.attributes(null)).isEmpty();
        assertThat(VariantCell.attributes("サイズ:\n\n;")).isEmpty();
    }

    @Test
    void shouldKeepAValueThatHoldsASeparatorAfterTheFirst() {
        assertThat(VariantCell.attributes("のし:御祝=紅白")).containsExactly(entry("のし", "御祝=紅白"));
    }
}
