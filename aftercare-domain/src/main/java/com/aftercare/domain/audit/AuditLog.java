package com.aftercare.domain.audit;

import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.InvalidValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one audit trail of the platform: who did what to which thing, and when. Any module may
 * record into it (console admin actions, the inquiry desk, reveals of personal data). An entry
 * joins the caller's transaction, so an action and its trace commit or vanish together.
 */
@Service
public class AuditLog {

    /** One entry as the console shows it. */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String targetType,
            String targetId,
            Map<String, Object> details) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {};
    private static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action. {@code details} must never hold secrets (passwords, API keys): the trail
     * is read by every admin. The audit page shows them in the order the map gives them, so several
     * details come in a map with an order of its own ({@link #details}, a {@link LinkedHashMap}, a
     * record's fields); a map without one ({@code Map.of}, whose order changes from run to run) is
     * kept sorted by key, so an entry at least reads the same every time.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String targetType, String targetId, Map<String, ?> details) {
        jdbc.sql("""
                        insert into audit_log (at, actor, action, target_type, target_id, details)
                        values (:at, :actor, :action, :type, :id, cast(:details as json))
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("type", targetType)
                .param("id", targetId)
                .param("details", JSON.writeValueAsString(inOrder(details)))
                .update();
    }

    /**
     * Details in the order given, as {@code Map.of} takes them: {@code details("storefront", 1,
     * "url", url)}. Null values are kept (a setting cleared is a detail too).
     *
     * @param keysAndValues a key, its value, the next key, its value…
     */
    public static Map<String, Object> details(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in key and value pairs");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }

    private static Map<String, ?> inOrder(Map<String, ?> details) {
        if (details == null) {
            return Map.of();
        }
        boolean ordered = details.size() < 2 || details instanceof LinkedHashMap || details instanceof SortedMap;
        return ordered ? details : new TreeMap<>(details);
    }

    /**
     * What the audit page looks for; every part is optional.
     *
     * @param actor who, exactly (case-insensitive): {@code admin}, {@code storefront:3}
     * @param action what: an action or its beginning ({@code customer.} finds every customer action)
     * @param targetType whom, the kind: {@code customer}, {@code operator}
     * @param targetId whom, the id within the kind
     * @param from when, from this instant on
     * @param until when, before this instant
     * @param before paging: only entries older than this entry id
     */
    public record Search(
            String actor, String action, String targetType, String targetId, Instant from, Instant until, Long before) {

        public Search {
            actor = blankToNull(actor);
            action = blankToNull(action);
            targetType = blankToNull(targetType);
            targetId = blankToNull(targetId);
            if (from != null && until != null && !from.isBefore(until)) {
                throw new InvalidValue("to", "must not be before the start");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** One page of a search, newest first; {@code nextBefore} is the cursor of the next page, null on the last. */
    public record Page(List<Entry> entries, Long nextBefore) {}

    /**
     * The entries matching the search, newest first (by entry id, the order they were recorded in),
     * one page at a time over the whole trail.
     */
    @Transactional(readOnly = true)
    public Page search(Search search, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_LIMIT));
        List<Entry> entries = matching(search, " order by id desc limit :limit")
                .param("limit", size + 1)
                .query(AuditLog::entry)
                .list();
        if (entries.size() <= size) {
            return new Page(entries, null);
        }
        List<Entry> page = List.copyOf(entries.subList(0, size));
        return new Page(page, page.get(size - 1).id());
    }

    /**
     * Every entry the search finds (from {@code before} down when it is given), newest first as
     * {@link #search} pages them, streamed row by row with a cursor for the CSV export: the whole
     * trail passes through the driver's fetch buffer, never a list.
     */
    @Transactional(readOnly = true)
    public void each(Search search, Consumer<Entry> entry) {
        matching(search, " order by id desc").withFetchSize(Exports.FETCH_SIZE).query((RowCallbackHandler)
                rs -> entry.accept(entry(rs, 0)));
    }

    /** The one statement both the page and the file read: the search's filter, then {@code rest}. */
    private JdbcClient.StatementSpec matching(Search search, String rest) {
        return jdbc.sql("""
                        select id, at, actor, action, target_type, target_id, details::text
                          from audit_log
                         where (cast(:actor as text) is null or lower(actor) = lower(cast(:actor as text)))
                           and (cast(:action as text) is null or starts_with(action, cast(:action as text)))
                           and (cast(:targetType as text) is null or target_type = cast(:targetType as text))
                           and (cast(:targetId as text) is null or target_id = cast(:targetId as text))
                           and (cast(:from as timestamptz) is null or at >= cast(:from as timestamptz))
                           and (cast(:until as timestamptz) is null or at < cast(:until as timestamptz))
                           and (cast(:before as bigint) is null or id < cast(:before as bigint))
                        """ + rest)
                .param("actor", search.actor())
                .param("action", search.action())
                .param("targetType", search.targetType())
                .param("targetId", search.targetId())
                .param("from", search.from() == null ? null : Timestamp.from(search.from()))
                .param("until", search.until() == null ? null : Timestamp.from(search.until()))
                .param("before", search.before());
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                JSON.readValue(rs.getString(7), DETAILS));
    }

    /** The newest entries first. */
    @Transactional(readOnly = true)
    public List<Entry> recent(int limit) {
        return jdbc.sql("""
                        select id, at, actor, action, target_type, target_id, details::text
                        from audit_log order by at desc, id desc limit :limit
                        """)
                .param("limit", Math.max(1, Math.min(limit, MAX_LIMIT)))
                .query(AuditLog::entry)
                .list();
    }
}
