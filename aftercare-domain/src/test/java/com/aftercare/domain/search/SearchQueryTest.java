package com.aftercare.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void shouldSplitWordsOnAnyWhitespaceIncludingTheIdeographicSpace() {
        SearchQuery query = SearchQuery.parse(" 山田\u3000配送  ｶﾀｶﾅ ");

        assertThat(query.terms()).containsExactly("山田", "配送", "かたかな");
    }

    @Test
    void shouldAskForTheGramsOfAllWords() {
        assertThat(SearchQuery.parse("配送 返品").grams()).contains("配送", "返品").doesNotContain("送返");
    }

    @Test
    void shouldAskTheIndexOnlyForTheRarestGramsThatNarrowTheSearch() {
        // as at 500,000 customers: 09 and 90 in every phone, 12 and 23 in one row in twenty
        Map<String, Double> common = Map.of("09", 1.0, "90", 1.0, "00", 1.0, "01", 0.25, "12", 0.057, "23", 0.058);

        assertThat(SearchQuery.indexGrams("09001234", common)).containsExactly("34", "12", "23", "01");
    }

    @Test
    void shouldKeepTheRarestGramWhenEveryGramIsCommon() {
        Map<String, Double> common = Map.of("ex", 1.0, "xa", 0.9);

        assertThat(SearchQuery.indexGrams("exa", common)).containsExactly("xa");
        assertThat(SearchQuery.indexGrams("ex", common)).containsExactly("ex");
    }

    @Test
    void shouldAskForEveryGramWithoutStatistics() {
        assertThat(SearchQuery.indexGrams("やまだ", Map.of())).containsExactlyInAnyOrder("やま", "まだ");
    }

    @Test
    void shouldTakeOneAsciiTermWithADigitOrAnAtSignForAnIdentifier() {
        assertThat(SearchQuery.parse("B-0001234").identifier()).isEqualTo("b0001234");
        assertThat(SearchQuery.parse("０９０－１２３４").identifier()).isEqualTo("0901234");
        assertThat(SearchQuery.parse("Hanako@Example.jp").identifier()).isEqualTo("hanako@example.jp");
        assertThat(SearchQuery.parse("yamada").identifier()).isNull();
        assertThat(SearchQuery.parse("b00 b01").identifier()).isNull();
        assertThat(SearchQuery.parse("山田1").identifier()).isNull();
    }

    @Test
    void shouldAskTheGroupsOfFourForAnAsciiTermOfFourCharactersOrMore() {
        assertThat(SearchQuery.parse("b0001234").matchesWithQuads("o.search_text"))
                .contains("search_quads(o.search_text) @> string_to_array(:search_quads_0, ' ')")
                .contains("strpos(o.search_text, :search_term_0) > 0")
                .doesNotContain("search_grams");
        assertThat(SearchQuery.parse("b00").matchesWithQuads("o.search_text")).contains("search_grams(o.search_text)");
        assertThat(SearchQuery.parse("やまだはなこ").matchesWithQuads("c.search_text"))
                .contains("search_grams(c.search_text)")
                .doesNotContain("search_quads");
    }

    @Test
    void shouldAskTheIndexOnlyForTheRarestGroupsOfFourThatFewerThanOneRowInTwentyHold() {
        // as at 500,000 customers: 0900 in every phone, 0000 in one in five, 1234 too rare to be listed
        Map<String, Double> common =
                Map.of("0900", 1.0, "9000", 1.0, "0000", 0.2, "0001", 0.22, "0012", 0.022, "0123", 0.0025);

        assertThat(SearchQuery.indexQuads("09000001234", common)).containsExactly("1234", "0123", "0012");
        assertThat(SearchQuery.indexQuads("09000000", common)).containsExactly("0000");
    }

    @Test
    void shouldTrustTheIndexAloneForWordsOfOneOrTwoCharacters() {
        assertThat(SearchQuery.parse("箱 配送").indexIsExact()).isTrue();
        assertThat(SearchQuery.parse("配送料").indexIsExact()).isFalse();
        assertThat(SearchQuery.parse("配送").matches("m.search_text")).doesNotContain("strpos");
        assertThat(SearchQuery.parse("配送料").matches("m.search_text")).contains("strpos(m.search_text");
    }

    @Test
    void shouldAskTheIndexForCharacterPairsOnlyWhenTheTermHasThem() {
        assertThat(SearchQuery.parse("色が違う").grams()).containsExactlyInAnyOrder("色が", "が違", "違う");
    }

    @Test
    void shouldFindOneCharacterTermsThroughTheirSingleCharacterGram() {
        SearchQuery query = SearchQuery.parse("傷");

        assertThat(query.grams()).containsExactly("傷");
        assertThat(query.indexIsExact()).isTrue();
    }

    @Test
    void shouldRefuseEmptyAndWhitespaceOnlyInputAsBlank() {
        for (String blank : new String[] {null, "", "   ", "\u3000\u3000", "\t\n"}) {
            assertThatThrownBy(() -> SearchQuery.parse(blank)).isInstanceOfSatisfying(InvalidSearch.class, e -> {
                assertThat(e.reason()).isEqualTo(InvalidSearch.Reason.BLANK);
                assertThat(e.field()).isEqualTo("q");
            });
        }
    }

    @Test
    void shouldRefuseInputThatNormalisesToNothing() {
        assertThatThrownBy(() -> SearchQuery.parse("- ( ) －"))
                .isInstanceOfSatisfying(
                        InvalidSearch.class, e -> assertThat(e.reason()).isEqualTo(InvalidSearch.Reason.BLANK));
    }

    @Test
    void shouldRefuseAVeryLongTermRatherThanCutIt() {
        assertThat(SearchQuery.parse("配".repeat(SearchQuery.MAX_LENGTH)).terms())
                .hasSize(1);
        assertThatThrownBy(() -> SearchQuery.parse("配".repeat(SearchQuery.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(
                        InvalidSearch.class, e -> assertThat(e.reason()).isEqualTo(InvalidSearch.Reason.TOO_LONG));
        assertThatThrownBy(() -> SearchQuery.parse("x".repeat(1 << 20)))
                .isInstanceOfSatisfying(
                        InvalidSearch.class, e -> assertThat(e.reason()).isEqualTo(InvalidSearch.Reason.TOO_LONG));
    }

    @Test
    void shouldRefuseMoreThanFiveWords() {
        assertThat(SearchQuery.parse("a b c d e").terms()).hasSize(5);
        assertThatThrownBy(() -> SearchQuery.parse("a b c d e f"))
                .isInstanceOfSatisfying(
                        InvalidSearch.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSearch.Reason.TOO_MANY_WORDS));
    }

    @Test
    void shouldCountARepeatedWordOnce() {
        assertThat(SearchQuery.parse("配送 ハイソウ はいそう").terms()).containsExactly("配送", "はいそう");
    }

    @Test
    void shouldEndThePrefixRangeWithTheLastCharacterOneHigher() {
        assertThat(CustomerSearch.prefixEnd("b00")).isEqualTo("b01");
        assertThat(CustomerSearch.prefixEnd("a@")).isEqualTo("aA");
        assertThat(CustomerSearch.prefixEnd("9~")).isEqualTo("9\u007f");
    }
}
