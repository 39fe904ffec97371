package com.aftercare.web.console;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way a console list leaves as a CSV file. A list's controller parses its filter exactly
 * as its page does, then hands this the header (message keys, so the header is in the operator's
 * language, Japanese first) and a callback that streams the rows from its facade. The file is
 * written to the response as the rows come (nothing is held but the driver's fetch buffer) in
 * UTF-8 with a byte-order mark, which Japanese Excel needs to read UTF-8, or in Windows-31J
 * ({@code ?charset=shift_jis}), the Shift_JIS Excel really uses, where a character it cannot hold
 * becomes a visible {@code ?}. Cells Excel would run as formulas are kept as text, and every
 * export is audited: who, which list, the filter, how many rows.
 */
@Component
public class CsvDownload {

    /** The request parameter choosing the file's encoding. */
    public static final String CHARSET = "charset";

    /** What the audit trail calls an export. */
    public static final String AUDIT_ACTION = "csv.exported";

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final byte[] UNMAPPABLE = {'?'};

    /**
     * One export of a list.
     *
     * @param list the list's code ({@code inquiries}, {@code claims}, …): the audit target, the
     *     ASCII file name, and {@code csv.file.<list>} names the file in the operator's language
     * @param header the message keys of the columns
     * @param filter the filter as the page's query parameters gave it (blank values are left out)
     */
    public record Export(String list, List<String> header, Map<String, ?> filter) {

        public Export {
            header = List.copyOf(header);
            Map<String, Object> given = new LinkedHashMap<>();
            filter.forEach((name, value) -> {
                if (value != null && !value.toString().isBlank()) {
                    given.put(name, value);
                }
            });
            filter = given;
        }
    }

    /** Where a list's rows go, one call per row. */
    public interface Sheet {

        /**
         * Writes one row. Strings are written inert ({@link Exports#inert}), instants in the
         * shop's time zone, numbers as they are, null as an empty cell.
         */
        void row(Object... cells);

        /**
         * A message in the operator's language, for a cell that names a status or a channel; the
         * code itself when it has none.
         */
        String message(String code, Object... arguments);
    }

    /** A list's rows, streamed from its facade into the sheet. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Sheet sheet);
    }

    private final AuditLog audit;
    private final MessageSource messages;
    private final ConsoleDates dates;
    private final ShopProperties shop;
    private final Clock clock;

    CsvDownload(AuditLog audit, MessageSource messages, ConsoleDates dates, ShopProperties shop, Clock clock) {
        this.audit = audit;
        this.messages = messages;
        this.dates = dates;
        this.shop = shop;
        this.clock = clock;
    }

    /**
     * Sends the export. A bad {@value #CHARSET} is refused (400) before anything is written; once
     * the first byte is out, the file is the answer, and a failure half-way is still audited, as
     * not complete.
     */
    public void send(
            Export export, Principal operator, HttpServletRequest request, HttpServletResponse response, Rows rows)
            throws IOException {
        Encoding encoding = Encoding.of(request.getParameter(CHARSET));
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("csv.file." + export.list(), null, export.list(), locale);
        String day = LocalDate.ofInstant(clock.instant(), shop.zone()).toString();
        response.setContentType("text/csv;charset=" + encoding.charset.name());
        response.setHeader(
                "Content-Disposition", attachment(export.list() + "-" + day + ".csv", title + "-" + day + ".csv"));
        response.setHeader("Cache-Control", "no-store"); // personal data: not for shared caches
        Counter counter = new Counter(locale);
        boolean complete = false;
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), encoding.encoder()));
            if (encoding.bom) {
                out.write('\uFEFF');
            }
            counter.printer = CSVFormat.DEFAULT
                    .builder()
                    .setHeader(export.header().stream()
                            .map(key -> messages.getMessage(key, null, key, locale))
                            .toArray(String[]::new))
                    .get()
                    .print(out);
            rows.writeTo(counter);
            counter.printer.flush();
            complete = true;
        } finally {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("filter", export.filter());
            details.put("rows", counter.rows);
            details.put("charset", encoding.charset.name());
            details.put("complete", complete);
            audit.record(operator.getName(), AUDIT_ACTION, "list", export.list(), details);
        }
    }

    /** The sheet that prints and counts. */
    private final class Counter implements Sheet {

        private final Locale locale;
        private CSVPrinter printer;
        private long rows;

        Counter(Locale locale) {
            this.locale = locale;
        }

        @Override
        public void row(Object... cells) {
            Object[] printed = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                printed[i] = cell(cells[i]);
            }
            try {
                printer.printRecord(printed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        @Override
        public String message(String code, Object... arguments) {
            return messages.getMessage(code, arguments.length == 0 ? null : arguments, code, locale);
        }

        private Object cell(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value;
            }
            if (value instanceof Instant instant) {
                return dates.format(instant);
            }
            return Exports.inert(value.toString());
        }
    }

    /**
     * RFC 6266 with RFC 5987: an ASCII name for old clients, and the name in the operator's
     * language (Japanese) as {@code filename*}, which browsers prefer.
     */
    static String attachment(String ascii, String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The file's encoding: UTF-8 with a byte-order mark unless the operator asks for Shift_JIS. */
    enum Encoding {
        UTF_8(StandardCharsets.UTF_8, true),
        SHIFT_JIS(WINDOWS_31J, false);

        private final Charset charset;
        private final boolean bom;

        Encoding(Charset charset, boolean bom) {
            this.charset = charset;
            this.bom = bom;
        }

        static Encoding of(String value) {
            if (value == null || value.isBlank() || value.equalsIgnoreCase("utf-8")) {
                return UTF_8;
            }
            String name = value.strip().toLowerCase(Locale.ROOT);
            if (List.of("shift_jis", "sjis", "windows-31j", "ms932", "cp932").contains(name)) {
                return SHIFT_JIS;
            }
            throw new InvalidValue(CHARSET, "is neither utf-8 nor shift_jis");
        }

        /** A character the charset cannot hold is written as a visible '?', never dropped silently. */
        CharsetEncoder encoder() {
            return charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(UNMAPPABLE);
        }
    }
}
