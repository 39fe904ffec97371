package com.aftercare.domain.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mall's variant cell read as attributes, in the mall's order: 楽天's 項目・選択肢 writes one
 * "項目:選択肢" per line ({@code サイズ:M}, {@code カラー:ネイビー}); other exports put them on one
 * line, separated by 、 or ; — and some give only the choice, which is then named 選択肢. The
 * values are checked where every line item's are ({@code LineItem}): length, count, no control
 * characters.
 */
final class VariantCell {

    /** What an attribute is named when the cell gives only the choice ("M"). */
    static final String UNNAMED = "選択肢";

    private static final Pattern BETWEEN_ATTRIBUTES = Pattern.compile("[\\r\\n;；、]+");
    private static final Pattern NAME_AND_VALUE = Pattern.compile("[:：=＝]");

    private VariantCell() {}

    static Map<String, String> attributes(String cell) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (cell == null) {
            return attributes;
        }
        for (String part : BETWEEN_ATTRIBUTES.split(cell)) {
            String[] nameAndValue = NAME_AND_VALUE.split(part, 2);
            String name = nameAndValue.length == 2 ? nameAndValue[0].strip() : UNNAMED;
            String value = nameAndValue[nameAndValue.length - 1].strip();
            if (!value.isEmpty()) {
                // a second unnamed choice keeps its own entry: 選択肢2
                attributes.put(unique(attributes, name.isEmpty() ? UNNAMED : name), value);
            }
        }
        return attributes;
    }

    private static String unique(Map<String, String> attributes, String name) {
        String candidate = name;
        for (int i = 2; attributes.containsKey(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }
}
