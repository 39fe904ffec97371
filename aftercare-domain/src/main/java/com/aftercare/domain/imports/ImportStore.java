package com.aftercare.domain.imports;

import com.aftercare.domain.storefront.StorefrontId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import tables: the upload in parts, its progress and lease, its problems, the mapping per storefront. */
@Component
class ImportStore {

    static final int PART_SIZE = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(
            StorefrontId storefront,
            String fileName,
            FileCharset charset,
            long size,
            int rows,
            List<String> header,
            String by,
            Instant now) {
        return jdbc.sql("""
                        insert into order_import (storefront_id, file_name, charset, mapping, size_bytes, status, rows_total,
                                                  failure, created_by, created_at, updated_at)
                        values (:storefront, :name, :charset, cast(:header as jsonb), :size, 'DRAFT', :rows, null, :by, :now, :now)
                        returning id
                        """)
                .param("storefront", storefront.value())
                .param("name", fileName)
                .param("charset", charset.stored())
                .param("header", mappingJson(Map.of(), header))
                .param("size", size)
                .param("rows", rows)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Stores the file in parts as it streams by. */
    void storeParts(long id, InputStream in) throws IOException {
        int part = 0;
        byte[] chunk;
        while ((chunk = in.readNBytes(PART_SIZE)).length > 0) {
            jdbc.sql("insert into order_import_part (import_id, part_no, content) values (:id, :no, :content)")
                    .param("id", id)
                    .param("no", part++)
                    .param("content", chunk)
                    .update();
        }
    }

    /** The file again, fetched one part at a time as it is read. */
    InputStream open(long id) {
        int parts = jdbc.sql("select count(*) from order_import_part where import_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        Enumeration<InputStream> each = new Enumeration<>() {
            int next = 0;

            @Override
            public boolean hasMoreElements() {
                return next < parts;
            }

            @Override
            public InputStream nextElement() {
                if (next >= parts) {
                    throw new NoSuchElementException();
                }
                byte[] content = jdbc.sql(
                                "select content from order_import_part where import_id = :id and part_no = :no")
                        .param("id", id)
                        .param("no", next++)
                        .query(byte[].class)
                        .single();
                return new ByteArrayInputStream(content);
            }
        };
        return new SequenceInputStream(each);
    }

    Optional<ImportStatus> find(long id) {
        return jdbc.sql("select * from order_import where id = :id")
                .param("id", id)
                .query(ImportStore::status)
                .optional();
    }

    List<ImportStatus> recent(int limit) {
        return jdbc.sql("select * from order_import order by created_at desc, id desc limit :limit")
                .param("limit", limit)
                .query(ImportStore::status)
                .list();
    }

    void queue(long id, Map<ImportField, String> mapping, List<String> header, Instant now) {
        jdbc.sql("""
                        update order_import set status = 'QUEUED', mapping = cast(:mapping as jsonb), updated_at = :now
                         where id = :id and status = 'DRAFT'
                        """)
                .param("id", id)
                .param("mapping", mappingJson(mapping, header))
                .param("now", Timestamp.from(now))
                .update();
    }

    void saveMapping(
            StorefrontId storefront, Map<ImportField, String> mapping, FileCharset charset, String by, Instant now) {
        jdbc.sql("""
                        insert into order_import_mapping (storefront_id, mapping, charset, updated_at, updated_by)
                        values (:storefront, cast(:mapping as jsonb), :charset, :now, :by)
                        on conflict (storefront_id) do update set mapping = excluded.mapping, charset = excluded.charset,
                               updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("storefront", storefront.value())
                .param("mapping", mappingJson(mapping, null))
                .param("charset", charset.stored())
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
    }

    Map<ImportField, String> savedMapping(StorefrontId storefront) {
        return jdbc.sql("select mapping::text from order_import_mapping where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .query(String.class)
                .optional()
                .map(json -> readMapping(json))
                .orElseGet(() -> new EnumMap<>(ImportField.class));
    }

    /**
     * Takes the oldest import that waits, or whose worker's lease ran out (a crashed instance):
     * SKIP LOCKED, so two instances never take the same one.
     */
    Optional<Long> claim(String worker, Instant now, java.time.Duration lease) {
        return jdbc.sql("""
                        update order_import set status = 'RUNNING', lease_owner = :worker, lease_until = :until,
                               started_at = coalesce(started_at, :now), updated_at = :now
                         where id = (select id from order_import
                                      where status = 'QUEUED' or (status = 'RUNNING' and lease_until < :now)
                                      order by created_at, id limit 1 for update skip locked)
                        returning id
                        """)
                .param("worker", worker)
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    /** Commits a batch's progress with what it changed; false when the lease was lost meanwhile. */
    boolean progress(
            long id,
            String worker,
            int rows,
            int rowsFailed,
            int orders,
            int ordersFailed,
            Instant now,
            java.time.Duration lease) {
        return jdbc.sql("""
                        update order_import set rows_done = rows_done + :rows, rows_failed = rows_failed + :rowsFailed,
                               orders_done = orders_done + :orders, orders_failed = orders_failed + :ordersFailed,
                               lease_until = :until, updated_at = :now
                         where id = :id and lease_owner = :worker and status = 'RUNNING'
                        """)
                        .param("rows", rows)
                        .param("rowsFailed", rowsFailed)
                        .param("orders", orders)
                        .param("ordersFailed", ordersFailed)
                        .param("until", Timestamp.from(now.plus(lease)))
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("worker", worker)
                        .update()
                == 1;
    }

    void finish(long id, String worker, String status, String failure, Instant now) {
        jdbc.sql("""
                        update order_import set status = :status, failure = :failure, finished_at = :now, updated_at = :now,
                               lease_owner = null, lease_until = null
                         where id = :id and lease_owner = :worker
                        """)
                .param("status", status)
                .param("failure", failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000)))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("worker", worker)
                .update();
    }

    void addProblems(long id, List<RowProblem> problems) {
        for (RowProblem problem : problems) {
            String message = problem.message() == null ? "?" : problem.message();
            jdbc.sql("""
                            insert into order_import_error (import_id, row_no, column_name, message)
                            values (:id, :row, :column, :message)
                            """)
                    .param("id", id)
                    .param("row", problem.row())
                    .param("column", problem.column())
                    .param("message", message.substring(0, Math.min(message.length(), 1000)))
                    .update();
        }
    }

    List<RowProblem> problems(long id, int limit) {
        return jdbc.sql("""
                        select row_no, column_name, message from order_import_error where import_id = :id
                         order by row_no, id limit :limit
                        """)
                .param("id", id)
                .param("limit", limit)
                .query((rs, i) -> new RowProblem(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    void eachProblem(long id, java.util.function.Consumer<RowProblem> each) {
        jdbc.sql(
                        "select row_no, column_name, message from order_import_error where import_id = :id order by row_no, id")
                .param("id", id)
                .query(rs -> {
                    each.accept(new RowProblem(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
    }

    static String mappingJson(Map<ImportField, String> mapping, List<String> header) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        mapping.forEach((field, column) -> json.put(field.name(), column));
        if (header != null) {
            json.put("header", header);
        }
        return JSON.writeValueAsString(json);
    }

    static Map<ImportField, String> readMapping(String json) {
        Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            if (raw.get(field.name()) instanceof String column) {
                mapping.put(field, column);
            }
        }
        return mapping;
    }

    @SuppressWarnings("unchecked")
    private static ImportStatus status(ResultSet rs, int row) throws SQLException {
        String json = rs.getString("mapping");
        Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        List<String> header = raw.get("header") instanceof List<?> list ? (List<String>) list : List.of();
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportStatus(
                rs.getLong("id"),
                new StorefrontId(rs.getLong("storefront_id")),
                rs.getString("file_name"),
                rs.getString("charset"),
                rs.getString("status"),
                rs.getInt("rows_total"),
                rs.getInt("rows_done"),
                rs.getInt("rows_failed"),
                rs.getInt("orders_done"),
                rs.getInt("orders_failed"),
                rs.getString("failure"),
                readMapping(json),
                header,
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
