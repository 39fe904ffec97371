package com.aftercare.domain.mail;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail pipeline's face for the feature modules: what they may ask of the mails they sent,
 * without reading the outbox's tables.
 */
@Service
public class Mails {

    private final JdbcClient jdbc;

    Mails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of our own mails that went out with any of these Message-IDs: a customer's answer
     * names them in {@code In-Reply-To} and {@code References}, which is how it finds its thread.
     */
    @Transactional(readOnly = true)
    public List<Long> sentWithMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from outbound_mail where message_id in (:ids)")
                .param("ids", messageIds)
                .query(Long.class)
                .list();
    }
}
