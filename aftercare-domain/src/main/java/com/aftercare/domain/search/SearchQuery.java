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

    /**
     * A four-character group in at least this share of the rows is left out too (unless it is the
     * rarest). Groups are rare enough that the rarest two or three leave a handful of rows to
     * recheck; a group in one row in five (0000 in phones) would add its long posting list and
     * remove almost nothing (one page of a phone search read 128 pages at 500,000 customers with
     * it, 107 without).
     */
    static final double COMMON_QUAD = 0.05;

    /** At most this many grams of a term are asked of the index: the rarest; the recheck does the rest. */
    static final int MOST_GRAMS = 4;

    /** Characters (code points) of input; longer is refused rather than cut, so what runs is what was typed. */
    public static final int MAX_LENGTH = 100;

    public static final int MAX_TERMS = 5;

    public static final String FIELD = "q";

    /**
     * The shortest term asked of V122's index of four-character groups ({@code search_quads}) rather
     * than of the pairs: a term of four printable ASCII characters or more (an email, a phone, an
     * order number), whose pairs of digits and letters are each in a large share of the rows.
     */
    static final int QUAD = 4;

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
     * As {@link #matches(String)}, for a table that also has V122's index of four-character groups
     * ({@code search_quads}, customer and customer_order): a term of {@value #QUAD} printable ASCII
     * characters or more asks that index for its rarest groups instead of the pairs, and is
     * rechecked with {@code strpos} as every term longer than two characters is. The groups of an
     * old phone or email are each in a few rows in a thousand, where its pairs are in one in
     * twenty or more: the posting lists read stay a page or two as the table grows.
     */
    public String matchesWithQuads(String searchText) {
        return IntStream.range(0, terms.size())
                .mapToObj(term -> quadable(terms.get(term))
                        ? "search_quads(" + searchText + ") @> string_to_array(:search_quads_" + term
                                + ", ' ') and strpos(" + searchText + ", :search_term_" + term + ") > 0"
                        : matches(searchText, term))
                .collect(Collectors.joining(" and "));
    }

    /**
     * The query's one term when it looks like an identifier (an email, a phone, an order number):
     * a single term of printable ASCII with a digit or an {@code @}. Null for anything else (a
     * name, two words, Japanese). Order numbers that start with it are listed from an ordered index
     * before the rest ({@link CustomerSearch#orders}).
     */
    public String identifier() {
        if (terms.size() != 1) {
            return null;
        }
        String term = terms.get(0);
        boolean ascii = term.chars().allMatch(SearchQuery::printableAscii);
        boolean identifying = term.chars().anyMatch(c -> c == '@' || (c >= '0' && c <= '9'));
        return ascii && identifying ? term : null;
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
        return bind(jdbc, sql, commonGrams, Map.of());
    }

    /**
     * As {@link #bind(JdbcClient, String, Map)} for a statement that uses {@link #matchesWithQuads}:
     * also the rarest four-character groups of each term long enough, given the share of rows
     * holding each common group (V122's index, {@link CommonGrams}).
     */
    public JdbcClient.StatementSpec bind(
            JdbcClient jdbc, String sql, Map<String, Double> commonGrams, Map<String, Double> commonQuads) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            // Normalised text never holds a space, so a space-separated list is unambiguous and
            // avoids array parameters (which NamedParameterJdbcTemplate would expand into IN lists).
            statement = statement
                    .param("search_grams_" + i, String.join(" ", indexGrams(term, commonGrams)))
                    .param("search_term_" + i, term);
            if (quadable(term)) {
                statement = statement.param("search_quads_" + i, String.join(" ", indexQuads(term, commonQuads)));
            }
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
        return rarest(SearchText.queryGrams(term), commonGrams, COMMON);
    }

    /**
     * The four-character groups of a {@link #quadable} term to ask V122's index for, chosen as
     * {@link #indexGrams} chooses pairs but leaving out those in {@value #COMMON_QUAD} of the rows
     * or more: a term of four characters or more is rechecked, so any of its groups narrows the
     * search exactly.
     */
    static List<String> indexQuads(String term, Map<String, Double> commonQuads) {
        Set<String> quads = new TreeSet<>();
        for (int i = 0; i + QUAD <= term.length(); i++) {
            quads.add(term.substring(i, i + QUAD));
        }
        return rarest(quads, commonQuads, COMMON_QUAD);
    }

    private static List<String> rarest(Set<String> grams, Map<String, Double> commonGrams, double common) {
        List<String> byShare = grams.stream()
                .sorted(Comparator.comparingDouble((String gram) -> commonGrams.getOrDefault(gram, 0.0))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<String> narrowing = byShare.stream()
                .filter(gram -> commonGrams.getOrDefault(gram, 0.0) < common)
                .limit(MOST_GRAMS)
                .toList();
        return narrowing.isEmpty() ? byShare.subList(0, 1) : narrowing;
    }

    /**
     * True for a term V122's {@code search_quads} indexes: {@value #QUAD} characters or more, all
     * printable ASCII (the index holds the groups of the ASCII runs of a text, and a term made of
     * ASCII lies within one run wherever it occurs).
     */
    static boolean quadable(String term) {
        return term.length() >= QUAD && term.chars().allMatch(SearchQuery::printableAscii);
    }

    private static boolean printableAscii(int c) {
        return c >= '!' && c <= '~';
    }

    private static boolean indexIsExact(String term) {
        return SearchText.length(term) <= 2;
    }

    @Override
    public String toString() {
        return String.join(" ", terms);
    }
}
