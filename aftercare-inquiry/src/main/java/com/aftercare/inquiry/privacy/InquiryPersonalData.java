package com.aftercare.inquiry.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.privacy.ExpiringData;
import com.aftercare.domain.privacy.PersonalData;
import com.aftercare.domain.privacy.RetentionPeriods;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the inquiry desk holds about a customer: inquiries, their messages (bodies, the writer's
 * name, attachments, LINE reply tokens), phone callers and visit addresses, satisfaction comments. Erased or past the
 * storefront's period, a message body becomes {@value #REMOVED} and its attachments go; the
 * inquiry's channel, category, status, times and score stay for the figures.
 */
@Component
class InquiryPersonalData implements PersonalData, ExpiringData {

    /** What an erased or expired message body reads (the column may not be empty). */
    static final String REMOVED = "（削除済み）";

    private final JdbcClient jdbc;

    InquiryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerErased event) {
        long customer = event.customer().value();
        jdbc.sql("""
                        delete from inquiry_attachment a using inquiry_message m, inquiry i
                         where a.message_id = m.id and m.inquiry_id = i.id and i.customer_id = :customer
                        """).param("customer", customer).update();
        jdbc.sql("""
                        update inquiry_message m set body = :removed, author_name = null, line_reply_token = null
                          from inquiry i where m.inquiry_id = i.id and i.customer_id = :customer
                        """).param("removed", REMOVED).param("customer", customer).update();
        jdbc.sql("""
                        update inquiry_event e set detail = null
                          from inquiry i where e.inquiry_id = i.id and i.customer_id = :customer
                        """).param("customer", customer).update();
        jdbc.sql("""
                        update inquiry_satisfaction s set comment = null
                          from inquiry i where s.inquiry_id = i.id and i.customer_id = :customer
                        """).param("customer", customer).update();
        jdbc.sql("""
                        update inquiry set subject = :removed, phone_caller = null, visit_address = null, flag_reason = null,
                                           updated_at = now(), version = version + 1
                         where customer_id = :customer
                        """).param("removed", REMOVED).param("customer", customer).update();
    }

    @Override
    public Map<String, List<Map<String, Object>>> sectionsOf(CustomerId customer) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("inquiries", select("""
                select reference, channel, status, category, subject, phone_caller, visit_address, created_at,
                       resolved_at, closed_at
                  from inquiry where customer_id = :customer order by created_at, id
                """, customer));
        sections.put("inquiry-messages", select("""
                select i.reference, m.direction, m.author_name, m.channel, m.body, m.created_at
                  from inquiry_message m join inquiry i on i.id = m.inquiry_id
                 where i.customer_id = :customer order by m.created_at, m.id
                """, customer));
        sections.put("inquiry-attachments", select("""
                select i.reference, a.filename, a.content_type, a.size_bytes, a.created_at
                  from inquiry_attachment a join inquiry_message m on m.id = a.message_id
                  join inquiry i on i.id = m.inquiry_id
                 where i.customer_id = :customer order by a.created_at, a.id
                """, customer));
        sections.put("satisfaction", select("""
                select i.reference, s.score, s.comment, s.answered_at
                  from inquiry_satisfaction s join inquiry i on i.id = s.inquiry_id
                 where i.customer_id = :customer order by s.answered_at
                """, customer));
        return sections;
    }

    /** Bodies and attachments of inquiries finished before the storefront's inquiry period. */
    @Override
    public List<Removal> expire(RetentionPeriods.Periods periods, Instant now) {
        if (periods.inquiryDays() == null) {
            return List.of();
        }
        Instant cutoff = now.minus(Duration.ofDays(periods.inquiryDays()));
        Long storefront =
                periods.storefront() == null ? null : periods.storefront().value();
        String finished = """
                select id from inquiry
                 where storefront_id is not distinct from cast(:storefront as bigint)
                   and status in ('RESOLVED', 'CLOSED') and coalesce(closed_at, resolved_at) < :cutoff
                """;
        int attachments = jdbc.sql("delete from inquiry_attachment a using inquiry_message m"
                        + " where a.message_id = m.id and m.inquiry_id in (" + finished + ")")
                .param("storefront", storefront)
                .param("cutoff", Timestamp.from(cutoff))
                .update();
        int bodies = jdbc.sql("update inquiry_message set body = :removed, author_name = null"
                        + " where body <> :removed and inquiry_id in (" + finished + ")")
                .param("removed", REMOVED)
                .param("storefront", storefront)
                .param("cutoff", Timestamp.from(cutoff))
                .update();
        return List.of(
                new Removal("inquiry-attachment", attachments, cutoff), new Removal("inquiry-body", bodies, cutoff));
    }

    private List<Map<String, Object>> select(String sql, CustomerId customer) {
        return PersonalData.rows(
                jdbc.sql(sql).param("customer", customer.value()).query().listOfRows());
    }
}
