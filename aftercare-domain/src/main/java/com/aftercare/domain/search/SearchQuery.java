package com.aftercare.domain.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator typed into the console search, checked and normalised: up to {@link #MAX_TERMS}
 * terms separated by whitespace, all of which must occur (in any of the searched fields). Each
 * term is a substring match on {@link SearchText#normalize normalised} text, one character or
 * more; the GIN index finds the candidates and {@code strpos} on the normalised text rechecks them.
 */
public final class SearchQuery {

    /**
     * A gram in at least this share of the rows narrows a search too little to be worth its posting
     * list (see {@link CommonGrams}).
     */
    static final double COMMON = 0.5;

    /** At most this many grams of a term are asked of the index: the rarest; the recheck does the rest. */
    static final int MOST_GRAMS = 4;

    /** Characters (code points) of input; longer is refused rather than cut, so what runs is what was typed. */
    public static final int MAX_LENGTH = 100;

    public static final int MAX_TERMS = 5;

    public static final String FIELD = "q";

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<String> terms;
    private final Set<String> grams;

    private SearchQuery(List<String> terms) {
        this.terms = List.copyOf(terms);
        this.grams = new TreeSet<>();
        terms.forEach(term -> grams.addAll(SearchText.queryGrams(term)));
    }

    /**
     * @throws InvalidSearch on field {@value #FIELD}: blank (nothing searchable once normalised),
     *     longer than {@value #MAX_LENGTH} characters, or more than {@value #MAX_TERMS} terms
     */
    public static SearchQuery parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidSearch(InvalidSearch.Reason.BLANK, "is blank");
        }
        if (SearchText.length(input) > MAX_LENGTH) {
            throw new InvalidSearch(InvalidSearch.Reason.TOO_LONG, "is longer than " + MAX_LENGTH + " characters");
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String word : WHITESPACE.split(input.strip())) {
            String term = SearchText.normalize(word);
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        if (terms.isEmpty()) {
            throw new InvalidSearch(InvalidSearch.Reason.BLANK, "is blank");
        }
        if (terms.size() > MAX_TERMS) {
            throw new InvalidSearch(InvalidSearch.Reason.TOO_MANY_WORDS, "has more than " + MAX_TERMS + " words");
        }
        return new SearchQuery(new ArrayList<>(terms));
    }

    public List<String> terms() {
        return terms;
    }

    public Set<String> grams() {
        return grams;
    }

    /**
     * True when the index answer is already exact: a term of one or two characters is one gram,
     * and a text has that gram exactly when the term occurs in it, so no recheck is needed.
     */
    public boolean indexIsExact() {
        return terms.stream().allMatch(SearchQuery::indexIsExact);
    }

    /**
     * The SQL condition "every term occurs in this row's {@code search_text}" for a WHERE clause,
     * {@code searchText} being that column with its table alias ({@code c.search_text}). It
     * repeats the GIN index expression of V11 exactly, so the planner uses the index. {@link
     * #page} binds its parameters.
     */
    public String matches(String searchText) {
        return IntStream.range(0, terms.size())
                .mapToObj(term -> matches(searchText, term))
                .collect(Collectors.joining(" and "));
    }

    /**
     * The condition for one term (0 to {@code terms().size() - 1}), for searches where the terms
     * may occur in different rows of one document (an inquiry's subject and its messages).
     */
    public String matches(String searchText, int term) {
        String candidates = "search_grams(" + searchText + ") @> string_to_array(:search_grams_" + term + ", ' ')";
        return indexIsExact(terms.get(term))
                ? candidates
                : candidates + " and strpos(" + searchText + ", :search_term_" + term + ") > 0";
    }

    /**
     * The SQL condition "every term occurs in this row's {@code search_text}" checked on the row
     * itself, without the index: for walking the newest rows in key order (a common word is found
     * in a few of them), where asking the index would collect every match in the table first.
     * Exact for every term length, as {@link #matches} is. {@link #bind} binds its parameters.
     */
    public String occursIn(String searchText) {
        return IntStream.range(0, terms.size())
                .mapToObj(term -> "strpos(" + searchText + ", :search_term_" + term + ") > 0")
                .collect(Collectors.joining(" and "));
    }

    /**
     * The statement for a keyset page of {@code sql}, which uses {@link #matches}, {@link
     * SearchPage#before} and {@code limit :limit}: all its parameters bound, asking for one row
     * more than {@code size} (see {@link SearchPage#of}).
     */
    public JdbcClient.StatementSpec page(JdbcClient jdbc, String sql, Long before, int size) {
        JdbcClient.StatementSpec statement = bind(jdbc, sql).param("limit", size + 1);
        return before == null ? statement : statement.param("before", before);
    }

    /**
     * The statement for {@code sql}, which uses {@link #matches} or {@link #occursIn}, with the
     * terms' parameters bound.
     */
    public JdbcClient.StatementSpec bind(JdbcClient jdbc, String sql) {
        return bind(jdbc, sql, Map.of());
    }

    /**
     * As {@link #bind(JdbcClient, String)}, asking the index only for the grams of each term that
     * narrow the search: {@link #indexGrams}, given the share of rows holding each common gram
     * ({@link CommonGrams}).
     */
    public JdbcClient.StatementSpec bind(JdbcClient jdbc, String sql, Map<String, Double> commonGrams) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            // Normalised text never holds a space, so a space-separated list is unambiguous and
            // avoids array parameters (which NamedParameterJdbcTemplate would expand into IN lists).
            statement = statement
                    .param("search_grams_" + i, String.join(" ", indexGrams(term, commonGrams)))
                    .param("search_term_" + i, term);
        }
        return statement;
    }

    /**
     * The grams of {@code term} to ask the index for: the rarest {@value #MOST_GRAMS} of those fewer
     * than half the rows hold (never none: the rarest one when all are that common). Leaving grams
     * out keeps results exact, because a term longer than two characters is rechecked with {@code
     * strpos} ({@link #matches}), and a term of one or two characters is one gram, always kept.
     */
    static List<String> indexGrams(String term, Map<String, Double> commonGrams) {
        List<String> byShare = SearchText.queryGrams(term).stream()
                .sorted(Comparator.comparingDouble((String gram) -> commonGrams.getOrDefault(gram, 0.0))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<String> narrowing = byShare.stream()
                .filter(gram -> commonGrams.getOrDefault(gram, 0.0) < COMMON)
                .limit(MOST_GRAMS)
                .toList();
        return narrowing.isEmpty() ? byShare.subList(0, 1) : narrowing;
    }

    private static boolean indexIsExact(String term) {
        return SearchText.length(term) <= 2;
    }

    @Override
    public String toString() {
        return String.join(" ", terms);
    }
}
