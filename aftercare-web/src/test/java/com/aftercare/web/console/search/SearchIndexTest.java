package com.aftercare.web.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.search.SearchPage;
import com.aftercare.domain.search.SearchQuery;
import com.aftercare.domain.search.SearchText;
import com.aftercare.inquiry.InquirySearch;
import com.aftercare.web.support.AftercareIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search index on real PostgreSQL: the SQL normalisation (V11's search_norm, which builds the
 * index) agrees with the Java one (which builds the query), the GIN index is what a search uses on
 * a table of realistic size, and pages follow each other without gaps or repeats.
 */
@AftercareIntegrationTest
class SearchIndexTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InquirySearch inquiries;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldNormaliseEveryCharacterOfTheBasicPlaneAsJavaDoes() {
        // Unassigned code points are left out: Java and PostgreSQL may know different Unicode versions.
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int c = 1; c <= 0xFFFF; c++) {
            if (Character.isDefined(c) && !Character.isSurrogate((char) c) && c != 0xFFFE) {
                chunk.append((char) c).append('|');
            }
            if (chunk.length() > 4000) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        chunks.add(chunk.toString());

        for (String text : chunks) {
            String sql = jdbc.sql("select search_norm(:t)")
                    .param("t", text)
                    .query(String.class)
                    .single();
            assertThat(splitByMarker(sql)).isEqualTo(splitByMarker(SearchText.normalize(text)));
        }
    }

    @Test
    void shouldCutTextIntoTheSameGramsAsJava() {
        for (String text : List.of(
                "配送が遅れています。返品したいのですが、どうすればよいでしょうか。",
                "ｶﾀｶﾅ カタカナ かたかな ｶﾞｷﾞｸﾞ",
                "山田　花子 ヤマダ ハナコ",
                "０９０－１２３４－５６７８ 03(1234)5678",
                "Hanako.Yamada@Example.JP ORDER-Ｒ１００１ ㈱アフター ①②",
                "𠮷野家 🍣 e\u0301",
                "箱")) {
            Set<String> sql = new TreeSet<>(Arrays.asList(jdbc.sql("select search_grams(search_norm(:t))")
                    .param("t", text)
                    .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                    .single()));
            assertThat(sql).as(text).isEqualTo(SearchText.grams(List.of(SearchText.normalize(text))));
        }
    }

    @Test
    void shouldNeverPairCharactersOfTwoFieldsOfOneCustomer() {
        Set<String> sql = new TreeSet<>(
                Arrays.asList(jdbc.sql("select search_grams(search_norm('山田') || E'\\n' || search_norm('花子'))")
                        .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                        .single()));

        assertThat(sql).isEqualTo(SearchText.grams(List.of("山田", "花子"))).doesNotContain("田花");
    }

    @Test
    void shouldHoldEveryGroupOfFourOfEveryAsciiWordThatOccursInACustomersFields() {
        // V122's search_quads: the ASCII runs of each field, never across a field or a non-ASCII character
        String text = "hanako.yamada@example.jp\n09012345678\n山田abcd花子\nabc\nxyz1山2345";
        Set<String> sql = new TreeSet<>(Arrays.asList(jdbc.sql("select search_quads(:t)")
                .param("t", text)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                .single()));

        for (String field : text.split("\n")) {
            for (int from = 0; from < field.length(); from++) {
                for (int to = from + 4; to <= field.length(); to++) {
                    String term = field.substring(from, to);
                    if (term.chars().allMatch(c -> c >= '!' && c <= '~')) {
                        for (int i = 0; i + 4 <= term.length(); i++) {
                            assertThat(sql).as(term).contains(term.substring(i, i + 4));
                        }
                    }
                }
            }
        }
        assertThat(sql)
                .contains("abcd", "2345", "a@ex", "0901", "xyz1")
                .doesNotContain("jp09", "p090", "yz12", "z123")
                .allMatch(quad -> quad.length() == 4);
    }

    @Test
    void shouldAnswerATwoCharacterWordFromTheGinIndexOnAFullTable() {
        String plan = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            fillMessages(20_000);
            jdbc.sql("analyze inquiry_message").update();
            SearchQuery query = SearchQuery.parse("配送");
            return String.join(
                    "\n",
                    query.page(
                                    jdbc,
                                    "explain select m.inquiry_id from inquiry_message m where "
                                            + query.matches("m.search_text") + " limit :limit",
                                    null,
                                    10)
                            .query(String.class)
                            .list());
        });

        assertThat(plan)
                .contains("Bitmap Index Scan on inquiry_message_search_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void shouldPageThroughMatchesNewestFirstWithoutGapsOrRepeats() {
        String word = ConsoleSearchTest.kanji(3);
        List<Long> ids = new ArrayList<>();
        long customer = aCustomer();
        for (int i = 0; i < 5; i++) {
            ids.add(0, anInquiry(customer, "件名 " + i, "本文に" + word + "があります"));
        }
        SearchQuery query = SearchQuery.parse(word);

        SearchPage<InquirySearch.Match> first = inquiries.inquiries(query, null, 2);
        SearchPage<InquirySearch.Match> second = inquiries.inquiries(query, first.next(), 2);
        SearchPage<InquirySearch.Match> third = inquiries.inquiries(query, second.next(), 2);

        assertThat(first.items()).extracting(InquirySearch.Match::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(second.items()).extracting(InquirySearch.Match::id).containsExactly(ids.get(2), ids.get(3));
        assertThat(third.items()).extracting(InquirySearch.Match::id).containsExactly(ids.get(4));
        assertThat(third.next()).isNull();
    }

    @Test
    void shouldWidenTheWindowOfNewestInquiriesUntilThePageIsFull() {
        String word = ConsoleSearchTest.kanji(3);
        List<Long> pages = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            long customer = aCustomer();
            long old = anInquiry(customer, "古い", word);
            // Far newer than the first window reaches back.
            long recent = jdbc.sql("""
                            insert into inquiry (id, reference, channel, status, category, priority, customer_id,
                                                 subject, first_response_due_at, resolution_due_at, resolved_at,
                                                 created_at, updated_at)
                            overriding system value
                            values (:id, 'INQ-2026-' || lpad(nextval('inquiry_reference_seq')::text, 6, '0'), 'EMAIL',
                                    'RESOLVED', 'OTHER', 'NORMAL', :customer, :subject, now(), now(), now(), now(), now())
                            returning id
                            """)
                    .param("id", old + 3 * 20_000)
                    .param("customer", customer)
                    .param("subject", "新しい " + word)
                    .query(Long.class)
                    .single();
            SearchQuery query = SearchQuery.parse(word);
            SearchPage<InquirySearch.Match> first = inquiries.inquiries(query, null, 1);
            SearchPage<InquirySearch.Match> second = inquiries.inquiries(query, first.next(), 1);
            return List.of(
                    recent,
                    old,
                    first.items().get(0).id(),
                    first.next(),
                    second.items().get(0).id(),
                    second.next() == null ? -1L : second.next());
        });

        assertThat(pages.get(2)).isEqualTo(pages.get(0));
        assertThat(pages.get(3)).isEqualTo(pages.get(0));
        assertThat(pages.get(4)).isEqualTo(pages.get(1));
        assertThat(pages.get(5)).isEqualTo(-1L);
    }

    @Test
    void shouldFindAMessageWrittenInTheSameTransactionAsTheSearch() {
        String word = ConsoleSearchTest.kanji(2);
        Long found = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            long id = anInquiry(aCustomer(), "件名", "いま書いた" + word);
            return inquiries.inquiries(SearchQuery.parse(word), null, 10).items().stream()
                    .map(InquirySearch.Match::id)
                    .filter(m -> m == id)
                    .findFirst()
                    .orElse(null);
        });

        assertThat(found).isNotNull();
    }

    private static List<String> splitByMarker(String text) {
        return Arrays.asList(text.split("\\|", -1));
    }

    private long aCustomer() {
        String email = "search-" + System.nanoTime() + "@example.jp";
        return jdbc.sql("insert into customer (email, email_normalized, name) values (:e, :e, '検索 太郎') returning id")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    /** Resolved, so the queue of open work that other tests look at stays as they left it. */
    private long anInquiry(long customer, String subject, String body) {
        long id = jdbc.sql("""
                        insert into inquiry (reference, channel, status, category, priority, customer_id, subject,
                                             first_response_due_at, resolution_due_at, resolved_at, created_at, updated_at)
                        values ('INQ-2026-' || lpad(nextval('inquiry_reference_seq')::text, 6, '0'), 'EMAIL', 'RESOLVED',
                                'OTHER', 'NORMAL', :customer, :subject, now(), now(), now(), now(), now())
                        returning id
                        """)
                .param("customer", customer)
                .param("subject", subject)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into inquiry_message (inquiry_id, direction, author, body, channel, created_at)
                        values (:id, 'INBOUND', 'customer', :body, 'EMAIL', now())
                        """).param("id", id).param("body", body).update();
        return id;
    }

    /** Many messages of varied everyday words, few of them about delivery. */
    private void fillMessages(int count) {
        long inquiry = anInquiry(aCustomer(), "大量の問い合わせ", "最初の問い合わせ");
        jdbc.sql("""
                        insert into inquiry_message (inquiry_id, direction, author, body, channel, created_at)
                        select :inquiry, 'INBOUND', 'customer',
                               (array['商品の色が違います','サイズを交換したい','支払い方法について','ポイントの使い方',
                                      '領収書がほしい','クーポンが使えません','在庫はありますか','会員登録について'])[1 + g % 8]
                               || ' 番号' || g || case when g % 500 = 0 then ' 配送について' else '' end,
                               'EMAIL', now()
                          from generate_series(1, :count) g
                        """).param("inquiry", inquiry).param("count", count).update();
    }
}
