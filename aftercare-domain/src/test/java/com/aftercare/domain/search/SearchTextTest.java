package com.aftercare.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void shouldCutATwoCharacterWordIntoItsCharactersAndItsOnePair() {
        assertThat(SearchText.grams(List.of(SearchText.normalize("配送")))).containsExactly("送", "配", "配送");
        assertThat(SearchText.grams(List.of(SearchText.normalize("返品")))).containsExactlyInAnyOrder("返", "品", "返品");
    }

    @Test
    void shouldFindTheWordsOfASentenceAmongItsGrams() {
        var grams = SearchText.grams(List.of(SearchText.normalize("配送が遅れています。返品したい")));

        assertThat(grams).contains("配送", "返品", "遅", "。").doesNotContain("配返", "送返");
    }

    @Test
    void shouldNeverPairCharactersOfTwoDifferentFields() {
        assertThat(SearchText.grams(List.of("山田", "花子"))).doesNotContain("田花").contains("山田", "花子");
    }

    @Test
    void shouldTreatHalfWidthKatakanaFullWidthKatakanaAndHiraganaAlike() {
        assertThat(SearchText.normalize("ｶﾀｶﾅ")).isEqualTo(SearchText.normalize("カタカナ"));
        assertThat(SearchText.normalize("カタカナ")).isEqualTo("かたかな");
        assertThat(SearchText.normalize("ﾔﾏﾀﾞ ﾊﾅｺ")).isEqualTo(SearchText.normalize("やまだはなこ"));
        assertThat(SearchText.normalize("ヴァイオリン")).isEqualTo("ゔぁいおりん");
    }

    @Test
    void shouldKeepTheLongVowelMarkOfKatakanaWords() {
        assertThat(SearchText.normalize("サーバー")).isEqualTo("さーばー");
    }

    @Test
    void shouldReadFullWidthDigitsAndDropHyphensSpacesAndParenthesesInPhoneNumbers() {
        String expected = "09012345678";
        assertThat(SearchText.normalize("090-1234-5678")).isEqualTo(expected);
        assertThat(SearchText.normalize("０９０－１２３４－５６７８")).isEqualTo(expected);
        assertThat(SearchText.normalize("090 1234 5678")).isEqualTo(expected);
        assertThat(SearchText.normalize("090‐1234−5678")).isEqualTo(expected);
        assertThat(SearchText.normalize("03(1234)5678")).isEqualTo("0312345678");
    }

    @Test
    void shouldMatchOrderNumbersWhateverTheWidthAndCase() {
        assertThat(SearchText.normalize("Ｒ－１００１")).isEqualTo("r1001");
        assertThat(SearchText.normalize("r-1001")).isEqualTo("r1001");
        assertThat(SearchText.normalize("Hanako.Yamada@Example.JP")).isEqualTo("hanako.yamada@example.jp");
    }

    @Test
    void shouldLowerOnlyAsciiLettersSoTheDatabaseLocaleDoesNotMatter() {
        assertThat(SearchText.normalize("ÄBC")).isEqualTo("Äbc");
    }

    @Test
    void shouldIndexASingleCharacterAsItself() {
        assertThat(SearchText.grams(List.of(SearchText.normalize("箱")))).containsExactly("箱");
    }

    @Test
    void shouldCountCharactersBeyondTheBasicPlaneAsOne() {
        assertThat(SearchText.grams(List.of("𠮷野"))).containsExactlyInAnyOrder("𠮷", "野", "𠮷野");
        assertThat(SearchText.length("𠮷野")).isEqualTo(2);
    }
}
