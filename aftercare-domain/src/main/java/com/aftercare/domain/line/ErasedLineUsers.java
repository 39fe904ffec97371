package com.aftercare.domain.line;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * LINE's share of a disclosure (the customer's LINE accounts and the notices sent there; what they
 * wrote and were answered is in the inquiry module's sections) and of an erasure. The customer's
 * LINE identities keep their rows (the conversations and the pushes' log point at them) but lose
 * the person: the userId becomes a random one of LINE's shape that no LINE user has, the display
 * name goes, and the identity is marked unfollowed so nothing is pushed to it. Every text still
 * waiting for them fails with {@value #REASON} (LINE, like mail, stops at once) and its notice is
 * withdrawn, not mailed instead; the text of every push and notice, a notice's address and every
 * reply token go; an unused link to the portal is withdrawn. If the same LINE user writes again,
 * LINE's real userId matches no identity: they are a new customer, as a person who orders again
 * with an erased email is.
 *
 * <p>Last among the erasure's listeners, so the others still find the display name (through
 * {@code PersonalValues}) in their free text.
 */
@Component
class ErasedLineUsers implements PersonalData {

    static final String REASON = "customer erased";

    /** What a removed push text reads (the column may not be empty). */
    static final String REMOVED = "（削除済み）";

    private final JdbcClient jdbc;

    ErasedLineUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(CustomerErased event) {
        long customer = event.customer().value();
        String identities = "select id from line_identity where customer_id = :customer";
        // notices still waiting (or waiting to go by mail instead) are withdrawn, as their mails
        // are cancelled; every notice keeps its template, kind and times, not its words or address
        jdbc.sql("""
                        update line_notice n set outcome = 'WITHDRAWN', settled_at = now()
                         where n.customer_id = :customer and n.outcome is null
                           and exists (select 1 from line_push p where p.id = n.push_id and p.status in ('PENDING', 'FAILED'))
                        """).param("customer", customer).update();
        jdbc.sql("""
                        update line_notice set subject = '-', text_body = '-', html_body = null, mail_to = null,
                               headers = '{}'
                         where customer_id = :customer
                        """).param("customer", customer).update();
        jdbc.sql("""
                        update line_push
                           set status = case when status = 'PENDING' then 'FAILED' else status end,
                               last_error = case when status = 'PENDING' then :reason else last_error end,
                               text = :removed, reply_token = null, updated_at = now()
                         where identity_id in (""" + identities + ")")
                .param("reason", REASON)
                .param("removed", REMOVED)
                .param("customer", customer)
                .update();
        jdbc.sql("delete from line_link_token where used_at is null and identity_id in (" + identities + ")")
                .param("customer", customer)
                .update();
        jdbc.sql("""
                        update line_identity
                           set line_user_id = 'U' || md5(gen_random_uuid()::text), display_name = null,
                               following = false, unfollowed_at = coalesce(unfollowed_at, now())
                         where customer_id = :customer
                        """).param("customer", customer).update();
    }

    @Override
    public Map<String, List<Map<String, Object>>> sectionsOf(CustomerId customer) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put(
                "line-accounts",
                PersonalData.rows(jdbc.sql("""
                                select s.code as storefront, l.line_user_id, l.display_name, l.following, l.unfollowed_at,
                                       l.linked_at, l.notices_by, l.created_at
                                  from line_identity l join storefront s on s.id = l.storefront_id
                                 where l.customer_id = :customer order by l.created_at, l.id
                                """)
                        .param("customer", customer.value())
                        .query()
                        .listOfRows()));
        sections.put(
                "line-notices",
                PersonalData.rows(jdbc.sql("""
                                select n.template, n.kind, n.subject, n.text_body, p.status as line_status, n.outcome,
                                       n.created_at, p.sent_at
                                  from line_notice n left join line_push p on p.id = n.push_id
                                 where n.customer_id = :customer order by n.created_at, n.id
                                """)
                        .param("customer", customer.value())
                        .query()
                        .listOfRows()));
        return sections;
    }
}
