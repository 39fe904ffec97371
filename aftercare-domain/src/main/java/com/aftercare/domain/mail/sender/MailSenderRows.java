package com.aftercare.domain.mail.sender;

import com.aftercare.domain.mail.MailSender;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The storefronts' senders in {@code mail_sender}: read for the console and for each dispatched batch. */
@Component
public class MailSenderRows {

    /** What the dispatcher needs of a storefront's sender: the sender and its sealed relay password. */
    public record Route(MailSender sender, byte[] sealedPassword) {}

    /** Seals and opens a relay password bound to its storefront's row. */
    public static String secretRow(StorefrontId storefront) {
        return "mail-relay:" + storefront.value();
    }

    private static final String COLUMNS = """
            storefront_id, from_name, from_address, reply_to, signature, relay_host, relay_port, relay_starttls,
            relay_username, relay_password_enc, relay_domains
            """;

    private final JdbcClient jdbc;

    MailSenderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Route> find(StorefrontId storefront) {
        return jdbc.sql("select " + COLUMNS + " from mail_sender where storefront_id = :id")
                .param("id", storefront.value())
                .query(MailSenderRows::route)
                .optional();
    }

    /** The routes of the storefronts that have a sender of their own, by storefront id. */
    public Map<Long, Route> routes(Collection<Long> storefrontIds) {
        if (storefrontIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select " + COLUMNS + " from mail_sender where storefront_id in (:ids)")
                .param("ids", storefrontIds)
                .query(MailSenderRows::route)
                .list()
                .stream()
                .collect(Collectors.toMap(r -> r.sender().storefront().value(), Function.identity()));
    }

    /**
     * Writes a storefront's sender; {@code sealedPassword} null keeps the stored password unless
     * {@code clearPassword}.
     */
    public void store(MailSender sender, byte[] sealedPassword, boolean clearPassword, String by) {
        MailSender.Relay relay = sender.relay();
        jdbc.sql("""
                        insert into mail_sender (storefront_id, from_name, from_address, reply_to, signature, relay_host,
                                                 relay_port, relay_starttls, relay_username, relay_password_enc,
                                                 relay_domains, updated_by)
                        values (:storefront, :fromName, :fromAddress, :replyTo, :signature, :host,
                                :port, :starttls, :username, :password, :domains, :by)
                        on conflict (storefront_id) do update
                           set from_name = excluded.from_name, from_address = excluded.from_address,
                               reply_to = excluded.reply_to, signature = excluded.signature,
                               relay_host = excluded.relay_host, relay_port = excluded.relay_port,
                               relay_starttls = excluded.relay_starttls, relay_username = excluded.relay_username,
                               relay_password_enc = case when :clearPassword or excluded.relay_host is null then null
                                                         else coalesce(excluded.relay_password_enc,
                                                                       mail_sender.relay_password_enc) end,
                               relay_domains = excluded.relay_domains,
                               updated_at = now(), updated_by = excluded.updated_by
                        """)
                .param("storefront", sender.storefront().value())
                .param("fromName", sender.fromName())
                .param("fromAddress", sender.fromAddress())
                .param("replyTo", sender.replyTo())
                .param("signature", sender.signature())
                .param("host", relay == null ? null : relay.host())
                .param("port", relay == null ? null : relay.port())
                .param("starttls", relay == null || relay.starttls())
                .param("username", relay == null ? null : relay.username())
                .param("password", relay == null || clearPassword ? null : sealedPassword)
                .param("clearPassword", clearPassword)
                .param(
                        "domains",
                        relay == null ? new String[0] : relay.domains().toArray(String[]::new))
                .param("by", by)
                .update();
    }

    public boolean delete(StorefrontId storefront) {
        return jdbc.sql("delete from mail_sender where storefront_id = :id")
                        .param("id", storefront.value())
                        .update()
                == 1;
    }

    private static Route route(ResultSet rs, int row) throws SQLException {
        String host = rs.getString("relay_host");
        byte[] password = rs.getBytes("relay_password_enc");
        MailSender.Relay relay = host == null
                ? null
                : new MailSender.Relay(
                        host,
                        rs.getInt("relay_port"),
                        rs.getBoolean("relay_starttls"),
                        rs.getString("relay_username"),
                        password != null,
                        domains(rs.getArray("relay_domains")));
        return new Route(
                new MailSender(
                        new StorefrontId(rs.getLong("storefront_id")),
                        rs.getString("from_name"),
                        rs.getString("from_address"),
                        rs.getString("reply_to"),
                        rs.getString("signature"),
                        relay),
                password);
    }

    private static List<String> domains(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
