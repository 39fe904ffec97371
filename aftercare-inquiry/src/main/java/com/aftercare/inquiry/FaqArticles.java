package com.aftercare.inquiry;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The FAQ (よくある質問): articles drafted on the desk, often promoted from a good reply, and
 * published by a supervisor (the console enforces who may call what). Only published articles
 * reach the public portal page and the suggestions shown next to an inquiry. Every change is
 * written to the audit log.
 *
 * <p>Suggestions compare the inquiry's text with each published article by character bigrams
 * ({@link Bigrams}) in Java: the FAQ of one shop is tens to hundreds of articles, so scoring them
 * all per page view costs well under a millisecond and needs no search index.
 */
@Service
public class FaqArticles {

    public static final int MAX_QUESTION = 300;

    /** Below this the shared bigrams are coincidence (a word or two), not relevance. */
    static final double MIN_SCORE = 0.08;

    /** A bound on what suggestions read, far above a real FAQ. */
    private static final int MAX_SCORED = 2_000;

    private final JdbcClient jdbc;
    private final Inquiries inquiries;
    private final AuditLog audit;
    private final Clock clock;

    FaqArticles(JdbcClient jdbc, Inquiries inquiries, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.inquiries = inquiries;
        this.audit = audit;
        this.clock = clock;
    }

    public record ArticleDraft(String question, String answer, Category category) {}

    public record ArticleView(
            long id,
            String question,
            String answer,
            Category category,
            boolean published,
            String sourceInquiry,
            String updatedBy,
            Instant updatedAt) {}

    /** Every article, drafts first, newest first: the supervisor's list. */
    @Transactional(readOnly = true)
    public List<ArticleView> all() {
        return jdbc.sql(SELECT + " order by a.published, a.updated_at desc, a.id desc")
                .query(FaqArticles::row)
                .list();
    }

    /** Published articles by category (in {@link Category} order), oldest first within one. */
    @Transactional(readOnly = true)
    public Map<Category, List<ArticleView>> publishedByCategory() {
        return published(MAX_SCORED).stream()
                .collect(Collectors.groupingBy(
                        ArticleView::category, () -> new java.util.EnumMap<>(Category.class), Collectors.toList()));
    }

    @Transactional(readOnly = true)
    public Optional<ArticleView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(FaqArticles::row)
                .optional();
    }

    /** A new, unpublished article. */
    @Transactional
    public long draft(ArticleDraft draft, String by) {
        return insert(check(draft), null, by);
    }

    /**
     * An operator's reply on inquiry {@code reference} as a new FAQ draft: the inquiry's subject
     * as the question (a supervisor rewords it before publishing), the reply as the answer, the
     * inquiry's category, and the inquiry as its source. Only an operator's reply (an OUTBOUND
     * message) of that inquiry can be promoted; anything else, the desk's own greeting with a
     * lookup link too, is {@link NotFound}.
     */
    @Transactional
    public long promoteReply(String reference, long messageId, String by) {
        InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        MessageView reply = inquiry.messages().stream()
                .filter(m -> m.id() == messageId && "OUTBOUND".equals(m.direction()) && !m.automatic())
                .findFirst()
                .orElseThrow(() -> NotFound.reply(reference, messageId));
        String question = inquiry.subject().length() > MAX_QUESTION
                ? inquiry.subject().substring(0, MAX_QUESTION)
                : inquiry.subject();
        return insert(
                new ArticleDraft(question, reply.body(), inquiry.category()),
                inquiry.id().value(),
                by);
    }

    @Transactional
    public void update(long id, ArticleDraft draft, String by) {
        ArticleDraft checked = check(draft);
        int updated = jdbc.sql("""
                        update faq_article set question = :question, answer = :answer, category = :category,
                               updated_by = :by, updated_at = :now
                         where id = :id
                        """).params(params(checked, by)).param("id", id).update();
        found(updated, id);
        audit.record(by, "faq.updated", "faq_article", String.valueOf(id), Map.of());
    }

    @Transactional
    public void publish(long id, String by) {
        setPublished(id, true, by);
    }

    @Transactional
    public void unpublish(long id, String by) {
        setPublished(id, false, by);
    }

    @Transactional
    public void delete(long id, String by) {
        found(jdbc.sql("delete from faq_article where id = :id").param("id", id).update(), id);
        audit.record(by, "faq.deleted", "faq_article", String.valueOf(id), Map.of());
    }

    /**
     * Published articles most like what the customer wrote on inquiry {@code reference} (subject
     * and their messages), best first, at most {@code limit}, none below {@link #MIN_SCORE}.
     */
    @Transactional(readOnly = true)
    public List<ArticleView> suggestFor(String reference, int limit) {
        InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        StringBuilder text = new StringBuilder(inquiry.subject());
        inquiry.messages().stream()
                .filter(m -> "INBOUND".equals(m.direction()))
                .forEach(m -> text.append('\n').append(m.body()));
        Set<String> asked = Bigrams.of(text.toString());
        record Scored(ArticleView article, double score) {}
        return published(MAX_SCORED).stream()
                .map(a -> new Scored(a, Bigrams.similarity(asked, Bigrams.of(a.question() + "\n" + a.answer()))))
                .filter(s -> s.score() >= MIN_SCORE)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(limit)
                .map(Scored::article)
                .toList();
    }

    private List<ArticleView> published(int limit) {
        return jdbc
                .sql(SELECT + " where a.published order by a.category, a.id limit :limit")
                .param("limit", limit)
                .query(FaqArticles::row)
                .list()
                .stream()
                .sorted(Comparator.comparing(ArticleView::category).thenComparingLong(ArticleView::id))
                .toList();
    }

    private long insert(ArticleDraft draft, Long sourceInquiry, String by) {
        long id = jdbc.sql("""
                        insert into faq_article (question, answer, category, source_inquiry_id,
                                                 created_by, updated_by, created_at, updated_at)
                        values (:question, :answer, :category, :source, :by, :by, :now, :now)
                        returning id
                        """)
                .params(params(draft, by))
                .param("source", sourceInquiry)
                .query(Long.class)
                .single();
        audit.record(by, "faq.drafted", "faq_article", String.valueOf(id), Map.of());
        return id;
    }

    private void setPublished(long id, boolean published, String by) {
        int updated = jdbc.sql("""
                        update faq_article set published = :published,
                               published_by = case when :published then cast(:by as text) end,
                               published_at = case when :published then cast(:now as timestamptz) end,
                               updated_by = :by, updated_at = :now
                         where id = :id
                        """)
                .param("published", published)
                .param("by", by)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        found(updated, id);
        audit.record(by, published ? "faq.published" : "faq.unpublished", "faq_article", String.valueOf(id), Map.of());
    }

    private Map<String, Object> params(ArticleDraft d, String by) {
        Map<String, Object> params = new HashMap<>();
        params.put("question", d.question());
        params.put("answer", d.answer());
        params.put("category", d.category().name());
        params.put("by", by);
        params.put("now", Timestamp.from(clock.instant()));
        return params;
    }

    private static ArticleDraft check(ArticleDraft draft) {
        String question = InquiryText.line("question", draft.question(), MAX_QUESTION, true);
        String answer = InquiryText.body("answer", draft.answer());
        if (draft.category() == null) {
            throw new InvalidValue("category", "must not be null");
        }
        return new ArticleDraft(question, answer, draft.category());
    }

    private static void found(int updated, long id) {
        if (updated == 0) {
            throw NotFound.faqArticle(id);
        }
    }

    private static ArticleView row(ResultSet rs, int n) throws SQLException {
        return new ArticleView(
                rs.getLong("id"),
                rs.getString("question"),
                rs.getString("answer"),
                Category.valueOf(rs.getString("category")),
                rs.getBoolean("published"),
                rs.getString("source_reference"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static final String SELECT = """
            select a.id, a.question, a.answer, a.category, a.published, i.reference as source_reference,
                   a.updated_by, a.updated_at
              from faq_article a left join inquiry i on i.id = a.source_inquiry_id""";
}
