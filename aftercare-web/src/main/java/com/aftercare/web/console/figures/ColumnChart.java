package com.aftercare.web.console.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column chart laid out on the server, drawn by the template as inline SVG: no chart library,
 * no script, nothing fetched from elsewhere. Coordinates are in the SVG's own units
 * ({@link #WIDTH} x {@link #HEIGHT}); the tallest column fills the plot height.
 *
 * @param labelKey message-key prefix for the labels (e.g. {@code channel.}), or empty to show them as they are
 */
record ColumnChart(String labelKey, List<Column> columns) {

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    /** Room under the plot for the labels and above it for the values. */
    static final int LABELS = 24;

    static final int VALUES = 16;

    /** A label is drawn under every column, or under every n-th when there are more than {@link #MAX_LABELS}. */
    static final int MAX_LABELS = 12;

    /** @param value the number written over the column, as it is shown in the table beside it */
    record Column(String label, boolean labelled, String value, double x, double y, double width, double height) {

        public double centre() {
            return x + width / 2;
        }
    }

    static ColumnChart of(String labelKey, Map<String, Long> values) {
        Map<String, BigDecimal> decimals = new LinkedHashMap<>();
        values.forEach((label, value) -> decimals.put(label, BigDecimal.valueOf(value)));
        return ofDecimals(labelKey, decimals);
    }

    /** Columns of shares, averages and the like; a null value is drawn as an empty column shown as a dash. */
    static ColumnChart ofDecimals(String labelKey, Map<String, BigDecimal> values) {
        double max = values.values().stream()
                .filter(Objects::nonNull)
                .mapToDouble(BigDecimal::doubleValue)
                .max()
                .orElse(0);
        int plot = HEIGHT - LABELS - VALUES;
        double slot = values.isEmpty() ? WIDTH : (double) WIDTH / values.size();
        double width = slot * 0.7;
        int labelEvery = Math.max(1, (values.size() + MAX_LABELS - 1) / MAX_LABELS);
        List<Column> columns = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            double value = e.getValue() == null ? 0 : e.getValue().doubleValue();
            double height = max <= 0 ? 0 : plot * value / max;
            double x = i * slot + (slot - width) / 2;
            columns.add(new Column(
                    e.getKey(),
                    i % labelEvery == 0,
                    e.getValue() == null ? "—" : e.getValue().toPlainString(),
                    round(x),
                    round(VALUES + plot - height),
                    round(width),
                    round(height)));
            i++;
        }
        return new ColumnChart(labelKey, List.copyOf(columns));
    }

    /** The y of the labels' baseline. */
    public int labelY() {
        return HEIGHT - 6;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
