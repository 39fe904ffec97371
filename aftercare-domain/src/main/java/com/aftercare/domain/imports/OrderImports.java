package com.aftercare.domain.imports;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order CSV imports, step by step as the console walks an operator through them: {@link #upload}
 * checks the whole file's encoding and stores it (nothing else is written when it is broken);
 * {@link #preview} maps the first rows and names every problem by row and column; {@link #start}
 * saves the mapping for the storefront and queues the file for {@link ImportWorker}, which any
 * instance runs; {@link #status} feeds the progress bar and {@link #writeErrorReport} the CSV of
 * refused rows.
 */
@Service
public class OrderImports {

    /** Rows the preview shows. */
    public static final int PREVIEW_ROWS = 20;

    static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_EMPTY)
            .get();

    private final ImportStore store;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final Clock clock;

    OrderImports(ImportStore store, AuditLog audit, ShopProperties shop, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.shop = shop;
        this.clock = clock;
    }

    /** The uploaded file, which can be read more than once (Spring keeps a multipart upload on disk). */
    public interface Upload {
        String fileName();

        long size();

        InputStream open() throws IOException;
    }

    /**
     * Reads the whole file once to decide its charset and count its rows, then stores it.
     *
     * @param chosen the charset the operator chose, or null to decide: a byte-order mark means
     *     UTF-8; else strict UTF-8 when the whole file is valid UTF-8; else Windows-31J
     * @throws BrokenEncoding naming the first line that is not valid in the charset
     * @throws InvalidValue when the file is empty or not CSV
     */
    @Transactional
    public long upload(StorefrontId storefront, Upload file, FileCharset chosen, String operator) {
        try {
            FileCharset charset = chosen;
            Scan scan;
            if (charset == null) {
                try {
                    charset = FileCharset.UTF_8;
                    scan = scan(file, charset);
                } catch (BrokenEncoding notUtf8) {
                    charset = FileCharset.WINDOWS_31J;
                    scan = scan(file, charset);
                }
            } else {
                scan = scan(file, charset);
            }
            String name = file.fileName() == null || file.fileName().isBlank() ? "orders.csv" : file.fileName();
            name = name.length() > 255 ? name.substring(name.length() - 255) : name;
            long id = store.create(
                    storefront, name, charset, file.size(), scan.rows(), scan.header(), operator, clock.instant());
            try (InputStream in = file.open()) {
                store.storeParts(id, in);
            }
            audit.record(
                    operator,
                    "order-import.uploaded",
                    "order_import",
                    Long.toString(id),
                    AuditLog.details(
                            "storefront",
                            storefront.value(),
                            "file",
                            name,
                            "rows",
                            scan.rows(),
                            "charset",
                            charset.stored()));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Scan(List<String> header, int rows) {}

    private Scan scan(Upload file, FileCharset charset) throws IOException {
        try (Reader reader = charset.open(file.open());
                CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new InvalidValue("file", "has no header row");
            }
            int rows = 0;
            for (CSVRecord ignored : parser) {
                rows++;
            }
            return new Scan(header, rows);
        } catch (UncheckedIOException e) {
            // Commons CSV wraps what the reader throws while iterating; BrokenEncoding, unchecked, passes as it is
            throw new InvalidValue("file", "is not a CSV file: " + e.getCause().getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidValue("file", "is not a CSV file: " + e.getMessage());
        }
    }

    /** The mapping this storefront used last, else the columns whose names match our fields. */
    @Transactional(readOnly = true)
    public Map<ImportField, String> suggestedMapping(long importId) {
        ImportStatus status = status(importId);
        Map<ImportField, String> saved = store.savedMapping(status.storefront());
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        saved.forEach((field, column) -> {
            if (status.header().contains(column)) {
                mapping.put(field, column);
            }
        });
        if (mapping.isEmpty()) {
            // a storefront's first file, or one of another shape: start from the usual headings
            return ImportField.guess(status.header());
        }
        return mapping;
    }

    /** One previewed row: its values by our field and its problems. */
    public record PreviewRow(long row, Map<ImportField, String> values, List<RowProblem> problems) {}

    /**
     * The first rows mapped as the import would map them, nothing written; a problem of the
     * mapping itself (a required field unmapped, an unknown column) is thrown.
     */
    @Transactional(readOnly = true)
    public List<PreviewRow> preview(long importId, Map<ImportField, String> mapping) {
        ImportStatus status = status(importId);
        check(mapping, status.header());
        OrderRows rows = new OrderRows(mapping, shop.zone());
        List<PreviewRow> preview = new ArrayList<>();
        try (Reader reader = FileCharset.ofStored(status.charset()).open(store.open(importId));
                CSVParser parser = FORMAT.parse(reader)) {
            List<CSVRecord> order = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!order.isEmpty() && !rows.orderNumber(record).equals(rows.orderNumber(order.get(0)))) {
                    addPreview(preview, rows, order);
                    order.clear();
                    if (preview.size() >= PREVIEW_ROWS) {
                        break;
                    }
                }
                order.add(record);
            }
            if (!order.isEmpty() && preview.size() < PREVIEW_ROWS) {
                addPreview(preview, rows, order);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return preview.size() > PREVIEW_ROWS ? preview.subList(0, PREVIEW_ROWS) : preview;
    }

    private static void addPreview(List<PreviewRow> preview, OrderRows rows, List<CSVRecord> order) {
        List<RowProblem> problems = rows.map(order).problems();
        for (CSVRecord record : order) {
            long row = record.getRecordNumber();
            Map<ImportField, String> values = new EnumMap<>(ImportField.class);
            for (ImportField field : ImportField.values()) {
                String value = rows.value(record, field);
                if (value != null) {
                    values.put(field, value);
                }
            }
            preview.add(new PreviewRow(
                    row, values, problems.stream().filter(p -> p.row() == row).toList()));
        }
    }

    /** Saves the mapping for the storefront and queues the file for the worker. */
    @Transactional
    public void start(long importId, Map<ImportField, String> mapping, String operator) {
        ImportStatus status = status(importId);
        check(mapping, status.header());
        if (!"DRAFT".equals(status.state())) {
            throw new InvalidValue("import", "was started already");
        }
        store.saveMapping(
                status.storefront(), mapping, FileCharset.ofStored(status.charset()), operator, clock.instant());
        store.queue(importId, mapping, status.header(), clock.instant());
        audit.record(
                operator,
                "order-import.started",
                "order_import",
                Long.toString(importId),
                AuditLog.details("storefront", status.storefront().value(), "rows", status.rowsTotal()));
    }

    @Transactional(readOnly = true)
    public ImportStatus status(long importId) {
        return store.find(importId).orElseThrow(() -> NotFound.orderImport(importId));
    }

    @Transactional(readOnly = true)
    public List<ImportStatus> recent() {
        return store.recent(20);
    }

    /** The first problems, for the page. */
    @Transactional(readOnly = true)
    public List<RowProblem> problems(long importId, int limit) {
        return store.problems(importId, limit);
    }

    /** Every refused row's problems as CSV (UTF-8 with a byte-order mark, so Excel reads the Japanese). */
    @Transactional(readOnly = true)
    public void writeErrorReport(long importId, Writer out) {
        status(importId);
        try {
            out.write('\uFEFF');
            CSVPrinter printer = CSVFormat.DEFAULT
                    .builder()
                    .setHeader("row", "column", "message")
                    .get()
                    .print(out);
            store.eachProblem(importId, problem -> {
                try {
                    printer.printRecord(problem.row(), inert(problem.column()), inert(problem.message()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's own headings and values come back in the messages: {@link Exports#inert}. */
    static String inert(String cell) {
        return Exports.inert(cell);
    }

    private static void check(Map<ImportField, String> mapping, List<String> header) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ImportField field : ImportField.values()) {
            String column = mapping.get(field);
            if (column == null || column.isBlank()) {
                if (field.required()) {
                    problems.add(new FieldProblem(field.name(), "required"));
                }
            } else if (!header.contains(column)) {
                problems.add(new FieldProblem(field.name(), "unknownColumn"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
    }
}
