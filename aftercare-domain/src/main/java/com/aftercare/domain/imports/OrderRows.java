package com.aftercare.domain.imports;

import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Sha256;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the rows of one order into the storefront events an API call would send, or names every
 * problem by row and column. Pure apart from the records it reads: no database.
 *
 * <p>Event ids are deterministic, so a file imported twice is the same events twice and the
 * ingestion takes them once: {@code csv:<order>:order.placed} for the order, and
 * {@code csv:<order>:<type>:<hash>} for each later step, the hash over its date, carrier and
 * tracking number. A corrected shipping row is so a new event, applied in order (only forward);
 * a corrected placement (other lines, another customer) reuses the placement's id with another
 * body, which the ingestion refuses as a conflict: the order stays as first imported and the
 * row is reported (docs/integrations-csv.md).
 */
final class OrderRows {

    private static final Currency YEN = Currency.getInstance("JPY");
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d H:m[:s]"),
            DateTimeFormatter.ofPattern("uuuu/M/d H:m[:s]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES =
            List.of(DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"));

    /**
     * What an event's body is made of: a placement's own fields only, so a later export of the
     * same order with its shipping filled in is the same placement; each step its own.
     */
    private static final Set<ImportField> PLACEMENT = placementFields();

    private static final Map<Milestone, Set<ImportField>> STEP_FIELDS = Map.of(
            Milestone.PAID, EnumSet.of(ImportField.ORDER_NUMBER, ImportField.PAID_AT),
            Milestone.SHIPPED,
                    EnumSet.of(
                            ImportField.ORDER_NUMBER,
                            ImportField.SHIPPED_AT,
                            ImportField.CARRIER,
                            ImportField.TRACKING_NUMBER),
            Milestone.DELIVERED, EnumSet.of(ImportField.ORDER_NUMBER, ImportField.DELIVERED_AT),
            Milestone.CANCELLED, EnumSet.of(ImportField.ORDER_NUMBER, ImportField.CANCELLED_AT));

    private final Map<ImportField, String> mapping;
    private final ZoneId zone;

    /**
     * The product code and variant teach the catalogue (which variants an exchange can offer);
     * they are no part of the placement's identity, so mapping them in a later import does not
     * turn the orders imported before into changed placements (conflicts).
     */
    private static Set<ImportField> placementFields() {
        Set<ImportField> fields = EnumSet.range(ImportField.ORDER_NUMBER, ImportField.PAYMENT_METHOD);
        fields.removeAll(EnumSet.of(ImportField.PRODUCT_CODE, ImportField.VARIANT));
        return fields;
    }

    OrderRows(Map<ImportField, String> mapping, ZoneId zone) {
        this.mapping = Map.copyOf(mapping);
        this.zone = zone;
    }

    /** The events of one order with what identifies each body, or its problems. */
    record Mapped(List<Event> events, List<RowProblem> problems) {
        boolean refused() {
            return !problems.isEmpty();
        }
    }

    /** One event with the hash and JSON the ingestion keeps as its body. */
    record Event(StorefrontEvent event, byte[] sha256, String json) {}

    /** The order number of a row, trimmed; blank rows have none. */
    String orderNumber(CSVRecord record) {
        String value = value(record, ImportField.ORDER_NUMBER);
        return value == null ? "" : value;
    }

    Mapped map(List<CSVRecord> rows) {
        Problems problems = new Problems();
        CSVRecord first = rows.get(0);
        OrderNumber number = problems.field(first, ImportField.ORDER_NUMBER, OrderNumber::new);
        Instant orderedAt = problems.field(first, ImportField.ORDERED_AT, this::instant);
        EmailAddress email = problems.field(first, ImportField.CUSTOMER_EMAIL, EmailAddress::new);
        PersonalDetails details = problems.row(
                first,
                () -> new PersonalDetails(
                        value(first, ImportField.CUSTOMER_NAME),
                        value(first, ImportField.CUSTOMER_NAME_KANA),
                        value(first, ImportField.CUSTOMER_PHONE)));
        Long shippingFee = problems.field(first, ImportField.SHIPPING_FEE, OrderRows::yen);
        List<LineItem> lines = new ArrayList<>();
        for (CSVRecord row : rows) {
            String sku = value(row, ImportField.SKU);
            String name = value(row, ImportField.PRODUCT_NAME);
            Long quantity = problems.field(row, ImportField.QUANTITY, OrderRows::yen);
            Long price = problems.field(row, ImportField.UNIT_PRICE, OrderRows::yen);
            if (quantity != null && price != null) {
                LineItem line = problems.row(
                        row,
                        () -> new LineItem(
                                sku,
                                name,
                                null,
                                (int) Math.min(quantity, Integer.MAX_VALUE),
                                price,
                                value(row, ImportField.PRODUCT_CODE),
                                VariantCell.attributes(value(row, ImportField.VARIANT))));
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        Map<Milestone, Instant> steps = new LinkedHashMap<>();
        step(problems, first, ImportField.PAID_AT, Milestone.PAID, steps);
        step(problems, first, ImportField.SHIPPED_AT, Milestone.SHIPPED, steps);
        step(problems, first, ImportField.DELIVERED_AT, Milestone.DELIVERED, steps);
        step(problems, first, ImportField.CANCELLED_AT, Milestone.CANCELLED, steps);
        if (!problems.list.isEmpty()) {
            return new Mapped(List.of(), problems.list);
        }
        List<Event> events = new ArrayList<>();
        Shipping shipping = new Shipping(
                details.name(),
                value(first, ImportField.POSTAL_CODE),
                value(first, ImportField.PREFECTURE),
                value(first, ImportField.ADDRESS),
                details.phone(),
                false);
        StorefrontEvent.OrderPlaced placed = problems.row(
                first,
                () -> new StorefrontEvent.OrderPlaced(
                        number,
                        new StorefrontEvent.Customer(email, details, null),
                        YEN,
                        lines,
                        shippingFee == null ? 0 : shippingFee,
                        0,
                        value(first, ImportField.PAYMENT_METHOD),
                        shipping));
        if (placed == null) {
            return new Mapped(List.of(), problems.list);
        }
        events.add(event("csv:" + number.value() + ":order.placed", orderedAt, placed, rows, PLACEMENT));
        for (Map.Entry<Milestone, Instant> step : steps.entrySet()) {
            boolean shipped = step.getKey() == Milestone.SHIPPED;
            String carrier = shipped ? value(first, ImportField.CARRIER) : null;
            String tracking = shipped ? value(first, ImportField.TRACKING_NUMBER) : null;
            String content = step.getValue() + "|" + carrier + "|" + tracking;
            String hash = HexFormat.of().formatHex(Sha256.of(content)).substring(0, 16);
            String id = "csv:" + number.value() + ":" + step.getKey().eventType() + ":" + hash;
            events.add(event(
                    id,
                    step.getValue(),
                    new StorefrontEvent.OrderProgressed(number, step.getKey(), carrier, tracking),
                    List.of(first),
                    STEP_FIELDS.get(step.getKey())));
        }
        return new Mapped(events, List.of());
    }

    private void step(
            Problems problems, CSVRecord row, ImportField field, Milestone milestone, Map<Milestone, Instant> steps) {
        if (value(row, field) != null) {
            Instant at = problems.field(row, field, this::instant);
            if (at != null) {
                steps.put(milestone, at);
            }
        }
    }

    /** The body the ingestion keeps: the rows the event came from, by column; its hash tells a re-import from a change. */
    private Event event(
            String id, Instant at, StorefrontEvent.Payload payload, List<CSVRecord> rows, Set<ImportField> fields) {
        StringBuilder json = new StringBuilder("{\"source\":\"csv\",\"type\":")
                .append(quote(payload.type()))
                .append(",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            json.append(i == 0 ? "{" : ",{");
            int column = 0;
            for (Map.Entry<ImportField, String> mapped : mapping.entrySet().stream()
                    .filter(entry -> fields.contains(entry.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                json.append(column++ == 0 ? "" : ",")
                        .append(quote(mapped.getKey().name()))
                        .append(':')
                        .append(quote(value(rows.get(i), mapped.getKey())));
            }
            json.append('}');
        }
        String body = json.append("]}").toString();
        return new Event(new StorefrontEvent(id, at, payload), Sha256.of(body), body);
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The trimmed value of a mapped column, or null when unmapped or blank. */
    String value(CSVRecord record, ImportField field) {
        String column = mapping.get(field);
        if (column == null || !record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    /** Amounts and quantities as malls write them: 1,980 / ¥1,980 / full-width digits; whole numbers only. */
    static Long yen(String typed) {
        String value = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replace(",", "")
                .replace("¥", "")
                .replace("円", "");
        if (!value.matches("^[0-9]{1,12}$")) {
            throw new InvalidValue("amount", "must be a whole number, e.g. 1980 or 1,980");
        }
        return Long.parseLong(value);
    }

    /** A time with an offset, else a local time or date in the shop's zone (malls export local times). */
    Instant instant(String typed) {
        String value = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            // a local time, the common case
        }
        for (DateTimeFormatter format : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(value, format).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        throw new InvalidValue("time", "must be a date and time such as 2026-12-04 10:30:00 or 2026/12/04 10:30");
    }

    /** Collects problems instead of stopping at the first, so the operator sees all of a row's at once. */
    private final class Problems {
        final List<RowProblem> list = new ArrayList<>();

        <T> T field(CSVRecord row, ImportField field, Function<String, T> parse) {
            String value = value(row, field);
            if (value == null) {
                if (field.required()) {
                    list.add(new RowProblem(row.getRecordNumber(), mapping.get(field), "is empty"));
                }
                return null;
            }
            try {
                return parse.apply(value);
            } catch (DomainException | ArithmeticException e) {
                list.add(new RowProblem(row.getRecordNumber(), mapping.get(field), e.getMessage()));
                return null;
            }
        }

        <T> T row(CSVRecord row, java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (InvalidValue e) {
                list.add(new RowProblem(row.getRecordNumber(), columnOf(e.field()), e.getMessage()));
                return null;
            } catch (DomainException | ArithmeticException e) {
                list.add(new RowProblem(row.getRecordNumber(), null, e.getMessage()));
                return null;
            }
        }
    }

    /** The file's column behind a value object's field name, when we can tell. */
    private String columnOf(String field) {
        String name = field == null ? "" : field.startsWith("variant.") ? "variant" : field;
        ImportField ours = switch (name) {
            case "customer.name" -> ImportField.CUSTOMER_NAME;
            case "customer.nameKana" -> ImportField.CUSTOMER_NAME_KANA;
            case "customer.phone" -> ImportField.CUSTOMER_PHONE;
            case "sku" -> ImportField.SKU;
            case "name" -> ImportField.PRODUCT_NAME;
            case "product" -> ImportField.PRODUCT_CODE;
            case "variant" -> ImportField.VARIANT;
            case "quantity" -> ImportField.QUANTITY;
            case "unitPrice" -> ImportField.UNIT_PRICE;
            case "paymentMethod" -> ImportField.PAYMENT_METHOD;
            default -> null;
        };
        return ours == null ? null : mapping.get(ours);
    }
}
