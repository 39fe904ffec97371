package com.aftercare.domain.line;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.customer.Customer;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LINE users who wrote to a storefront's official account. LINE gives each provider its own
 * userId for a person, so an identity is (storefront, userId). It belongs to a customer from the
 * first message: a LINE-only customer of its own until the person proves an order of theirs through
 * the portal, never guessed from a display name. Such a customer has no email (V104 turned the old
 * {@code …@line.invalid} stand-ins into null): the LINE identity is how they are reached.
 */
@Service
public class LineIdentities {

    /**
     * When a LINE account speaks for the customer it belongs to, so that a notice about them may go
     * there: the person linked it (proved an order of theirs through the portal's lookup), or the
     * customer is the LINE user and nothing else (a LINE-only customer, no email: the record was
     * made from this account, so a notice about it is about the LINE user). An account that an
     * operator's merge moved to a customer with an email is not linked by that: the mail goes.
     * SQL over {@code line_identity i} joined to {@code customer cu}.
     */
    static final String SPEAKS_FOR = "(i.linked_at is not null or cu.email is null)";

    /** LINE's userId: {@code U} and 32 hexadecimal digits. */
    public static final Pattern USER_ID = Pattern.compile("^U[0-9a-f]{32}$");

    private final JdbcClient jdbc;
    private final Customers customers;
    private final AuditLog audit;

    LineIdentities(JdbcClient jdbc, Customers customers, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
    }

    /** Where a linked customer wants notices: on LINE (the default) or by mail. */
    public enum NoticeChannel {
        LINE,
        MAIL
    }

    /**
     * The postback data of a button (a rich menu's, set up by the shop) with which the customer
     * chooses themselves: {@code aftercare:notices=MAIL} or {@code aftercare:notices=LINE}.
     */
    public static final String NOTICES_POSTBACK = "aftercare:notices=";

    /** The choice a postback carries; empty for any other data. */
    public static Optional<NoticeChannel> noticeChoice(String postbackData) {
        if (postbackData == null || !postbackData.startsWith(NOTICES_POSTBACK)) {
            return Optional.empty();
        }
        String value = postbackData.substring(NOTICES_POSTBACK.length());
        return Arrays.stream(NoticeChannel.values())
                .filter(c -> c.name().equals(value))
                .findFirst();
    }

    /**
     * A customer's LINE account as the customer page shows it: which storefront's, whether they
     * still follow it, whether it speaks for this customer ({@code linked}, {@link #SPEAKS_FOR}),
     * where they want notices, and whether that storefront sends notices on LINE.
     */
    public record LinkedAccount(
            long id,
            StorefrontId storefront,
            String displayName,
            boolean following,
            boolean linked,
            NoticeChannel noticesBy,
            boolean storefrontSendsNotices) {

        /** Whether a notice of this storefront goes here rather than by mail. */
        public boolean takesNotices() {
            return linked && storefrontSendsNotices && noticesBy == NoticeChannel.LINE;
        }
    }

    @Transactional(readOnly = true)
    public List<LinkedAccount> ofCustomer(CustomerId customer) {
        return jdbc.sql("""
                        select i.id, i.storefront_id, i.display_name, i.following, %s,
                               coalesce(i.notices_by, 'LINE'), coalesce(c.notices_on_line, false)
                          from line_identity i join customer cu on cu.id = i.customer_id
                          left join line_channel c on c.storefront_id = i.storefront_id
                         where i.customer_id = :customer order by i.id
                        """.formatted(SPEAKS_FOR))
                .param("customer", customer.value())
                .query((rs, i) -> new LinkedAccount(
                        rs.getLong(1),
                        new StorefrontId(rs.getLong(2)),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        NoticeChannel.valueOf(rs.getString(6)),
                        rs.getBoolean(7)))
                .list();
    }

    /**
     * Records where the customer wants notices from this LINE account's storefront (an operator
     * asked them, or they wrote so); audited ({@code line.notices.chosen}) when it changed.
     *
     * @throws NotFound when the account is not this customer's
     */
    @Transactional
    public void chooseNotices(CustomerId customer, long identity, NoticeChannel channel, String by) {
        String before = jdbc.sql("""
                        select coalesce(notices_by, 'LINE') from line_identity
                         where id = :id and customer_id = :customer for update
                        """)
                .param("id", identity)
                .param("customer", customer.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFound.lineIdentity(identity));
        if (before.equals(channel.name())) {
            return;
        }
        jdbc.sql("update line_identity set notices_by = :channel where id = :id")
                .param("channel", channel.name())
                .param("id", identity)
                .update();
        audit.record(
                by,
                "line.notices.chosen",
                "line_identity",
                Long.toString(identity),
                AuditLog.details("customer", customer.value(), "from", before, "to", channel.name()));
    }

    /**
     * The LINE account a notice of the storefront goes to instead of a mail: the storefront sends
     * notices on LINE, the account speaks for this customer ({@link #SPEAKS_FOR}) and the person
     * did not ask for mail. One that still follows the account comes first, then the latest
     * linked; it may have unfollowed ({@link LineIdentity#following()}).
     */
    @Transactional(readOnly = true)
    public Optional<LineIdentity> noticeRecipient(CustomerId customer, StorefrontId storefront) {
        return jdbc.sql("""
                        select i.id, i.storefront_id, i.line_user_id, i.customer_id, i.display_name, i.following
                          from line_identity i join line_channel c on c.storefront_id = i.storefront_id
                          join customer cu on cu.id = i.customer_id
                         where i.customer_id = :customer and i.storefront_id = :storefront and c.notices_on_line
                           and %s and coalesce(i.notices_by, 'LINE') = 'LINE'
                         order by i.following desc, i.linked_at desc nulls last, i.id desc
                         limit 1
                        """.formatted(SPEAKS_FOR))
                .param("customer", customer.value())
                .param("storefront", storefront.value())
                .query(LineIdentities::identity)
                .optional();
    }

    /** A LINE user of a storefront, the customer they are, whether they still follow the account. */
    public record LineIdentity(
            long id,
            StorefrontId storefront,
            String userId,
            CustomerId customer,
            String displayName,
            boolean following) {}

    @Transactional(readOnly = true)
    public Optional<LineIdentity> find(StorefrontId storefront, String userId) {
        return jdbc.sql(SELECT + " where storefront_id = :storefront and line_user_id = :user")
                .param("storefront", storefront.value())
                .param("user", userId)
                .query(LineIdentities::identity)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<LineIdentity> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(LineIdentities::identity)
                .optional();
    }

    /**
     * Whether the person behind this LINE account proved an order through the portal's lookup
     * ({@code linked_at}); an operator's merge does not count.
     */
    @Transactional(readOnly = true)
    public boolean linked(long identity) {
        return jdbc.sql("select linked_at is not null from line_identity where id = :id")
                .param("id", identity)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private static final String SELECT =
            "select id, storefront_id, line_user_id, customer_id, display_name, following from line_identity";

    private static LineIdentity identity(ResultSet rs, int row) throws SQLException {
        return new LineIdentity(
                rs.getLong(1),
                new StorefrontId(rs.getLong(2)),
                rs.getString(3),
                new CustomerId(rs.getLong(4)),
                rs.getString(5),
                rs.getBoolean(6));
    }

    /**
     * The identity of this LINE user, created with a LINE-only customer when new. A display name
     * LINE gave later fills in a missing one. Joins the caller's transaction, and holds the LINE
     * user for the rest of it: two webhooks of the same user at once (LINE sends each message of a
     * burst as its own request) wait for each other, so a new user gets one customer, not one
     * left without an identity, and two first messages make one conversation, not two.
     *
     * @param displayName from the profile API, or null when LINE gave none
     * @throws InvalidValue on {@code source.userId} for something that is not a LINE userId
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LineIdentity recognise(StorefrontId storefront, String userId, String displayName, Instant now) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new InvalidValue("source.userId", "is not a LINE userId (U and 32 hexadecimal digits)");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('line-user:' || :storefront || ':' || :user, 0))")
                .param("storefront", storefront.value())
                .param("user", userId)
                .query()
                .singleValue();
        String name = usableName(displayName);
        Optional<LineIdentity> known = find(storefront, userId);
        if (known.isPresent()) {
            if (known.get().displayName() == null && name != null) {
                jdbc.sql("update line_identity set display_name = :name where id = :id")
                        .param("name", name)
                        .param("id", known.get().id())
                        .update();
            }
            return known.get();
        }
        Customer customer = customers.createForIdentity(
                new PersonalDetails(name == null ? "LINE " + userId.substring(27) : name, null, null), storefront);
        jdbc.sql("""
                        insert into line_identity (storefront_id, line_user_id, customer_id, display_name, created_at)
                        values (:storefront, :user, :customer, :name, :at)
                        on conflict (storefront_id, line_user_id) do nothing
                        """)
                .param("storefront", storefront.value())
                .param("user", userId)
                .param("customer", customer.id().value())
                .param("name", name)
                .param("at", Timestamp.from(now))
                .update();
        return find(storefront, userId).orElseThrow();
    }

    /** The user followed (or unblocked) the account: texts may go to them again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followed(long identity) {
        jdbc.sql("update line_identity set following = true, unfollowed_at = null where id = :id")
                .param("id", identity)
                .update();
    }

    /** The user blocked the account: nothing is pushed to them any more (LINE would take it and drop it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unfollowed(StorefrontId storefront, String userId, Instant at) {
        jdbc.sql("""
                        update line_identity set following = false, unfollowed_at = :at
                         where storefront_id = :storefront and line_user_id = :user
                        """)
                .param("storefront", storefront.value())
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The LINE user proved an order of {@code customer}'s (the portal's lookup): the identity now
     * belongs to that customer, and texts for the customer may go to it. Joins the caller's
     * transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linkTo(long identity, CustomerId customer, Instant at) {
        jdbc.sql("update line_identity set customer_id = :customer, linked_at = :at where id = :id")
                .param("customer", customer.value())
                .param("at", Timestamp.from(at))
                .param("id", identity)
                .update();
    }

    /** A display name fit for a customer's name, or null (LINE allows what our checks refuse). */
    private static String usableName(String displayName) {
        if (displayName == null) {
            return null;
        }
        try {
            return Text.line("customer.name", displayName, 200);
        } catch (InvalidValue e) {
            return null;
        }
    }
}
