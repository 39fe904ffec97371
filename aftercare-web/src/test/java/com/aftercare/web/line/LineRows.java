package com.aftercare.web.line;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the LINE tests read and bend in the database, by the LINE user's id. */
record LineRows(JdbcClient jdbc) {

    /** The reference of the user's (one) conversation. */
    String referenceOf(String user) {
        return jdbc.sql("""
                        select i.reference from inquiry i join line_identity l on l.id = i.line_identity_id
                         where l.line_user_id = :u
                        """).param("u", user).query(String.class).single();
    }

    /** The status of each text queued for the user, oldest first. */
    List<String> statuses(String user) {
        return jdbc.sql("""
                        select p.status from line_push p join line_identity l on l.id = p.identity_id
                         where l.line_user_id = :u order by p.id
                        """).param("u", user).query(String.class).list();
    }

    /** As if the operator answered more than a minute later: the message's token is too old by then. */
    void expireReplyTokens(String user) {
        jdbc.sql("""
                        update inquiry_message set created_at = created_at - interval '10 minutes'
                         where inquiry_id in (select i.id from inquiry i join line_identity l on l.id = i.line_identity_id
                                               where l.line_user_id = :u)
                        """).param("u", user).update();
    }
}
