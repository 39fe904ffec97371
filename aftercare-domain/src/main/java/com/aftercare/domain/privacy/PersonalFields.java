package com.aftercare.domain.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Takes a person out of a JSON document a storefront sent (our events, Shopify's webhooks, a mall
 * row) while its figures stay: ids of orders, amounts, SKUs, quantities, statuses, times, carrier,
 * prefecture. Generic rather than a list of paths per event type, because Shopify alone sends
 * dozens of shapes: a field whose name says it is personal (name, email, phone, address lines,
 * postal code, note, IP…, in any spelling: {@code first_name}, {@code firstName}, {@code
 * recipientName}) loses its value, and so does any text that quotes one of the person's known
 * values. A product's name is no person's: in an object that is a line (it has a SKU, a quantity
 * or a price) {@code name} and {@code title} stay. A customer object's {@code id} is the
 * storefront's id of the person, so it goes too.
 */
public final class PersonalFields {

    /** What a personal value reads once removed. */
    public static final String ERASED = "[erased]";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Field names, lower case without separators, whose value names or locates a person. */
    private static final Set<String> PERSONAL = Set.of(
            "name",
            "firstname",
            "lastname",
            "fullname",
            "namekana",
            "kana",
            "furigana",
            "recipient",
            "recipientname",
            "email",
            "contactemail",
            "phone",
            "mobile",
            "tel",
            "telephone",
            "fax",
            "address",
            "address1",
            "address2",
            "street",
            "city",
            "zip",
            "zipcode",
            "postalcode",
            "postcode",
            "company",
            "latitude",
            "longitude",
            "note",
            "notes",
            "noteattributes",
            "comment",
            "message",
            "browserip",
            "clientip",
            "ip",
            "useragent",
            "customerref",
            "customerid",
            "lineuserid",
            "userid",
            "displayname",
            "trackingnumber",
            "trackingnumbers",
            "trackingurl",
            "trackingurls");

    /** Names a line's product: kept inside a line. */
    private static final Set<String> PRODUCT = Set.of("name", "title");

    /** Fields that make an object a line of an order rather than a person. */
    private static final Set<String> LINE_MARKERS = Set.of("sku", "quantity", "price", "unitprice", "variantid");

    /** Objects under these fields are the person: their {@code id} is the storefront's id of them. */
    private static final Set<String> PERSON_OBJECTS = Set.of("customer");

    /** As many digits as the shortest Japanese phone number has. */
    private static final int PHONE_DIGITS = 10;

    /** What people write between the digits of a phone number: hyphens of every width, spaces. */
    private static final String SEPARATOR = "[-‐－ー\\s]?";

    private PersonalFields() {}

    /**
     * The document without the person.
     *
     * @param json a JSON document; null stays null
     * @param quoted the person's own values (email, name, phone…) to take out of any text as well
     */
    public static String redact(String json, Collection<String> quoted) {
        if (json == null) {
            return null;
        }
        JsonNode tree = JSON.readTree(json);
        return JSON.writeValueAsString(redact(tree, false, List.copyOf(quoted)));
    }

    private static JsonNode redact(JsonNode node, boolean person, List<String> quoted) {
        if (node instanceof ObjectNode object) {
            boolean line =
                    object.propertyNames().stream().map(PersonalFields::key).anyMatch(LINE_MARKERS::contains);
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                String key = key(field.getKey());
                boolean personal =
                        PERSONAL.contains(key) && !(line && PRODUCT.contains(key)) || (person && key.equals("id"));
                if (personal) {
                    object.set(field.getKey(), erased(field.getValue()));
                } else {
                    object.set(field.getKey(), redact(field.getValue(), PERSON_OBJECTS.contains(key), quoted));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i), person, quoted));
            }
            return array;
        }
        if (node.isString() && quotes(node.stringValue(), quoted)) {
            return StringNode.valueOf(ERASED);
        }
        return node;
    }

    /**
     * The text with each of the person's values replaced by {@value #ERASED}; a phone number known
     * as digits is found however it was written ({@code 090-1234-5678}, {@code 090 1234 5678}).
     */
    public static String withoutQuotes(String text, Collection<String> quoted) {
        String result = text;
        for (String value : quoted) {
            result = value.chars().allMatch(Character::isDigit) && value.length() >= PHONE_DIGITS
                    ? result.replaceAll(String.join(SEPARATOR, value.split("")), ERASED)
                    : result.replace(value, ERASED);
        }
        return result;
    }

    /** Null stays null (an absent phone tells nothing); anything else becomes the erased mark. */
    private static JsonNode erased(JsonNode value) {
        return value.isNull() ? value : StringNode.valueOf(ERASED);
    }

    private static boolean quotes(String text, List<String> quoted) {
        for (String value : quoted) {
            if (text.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static String key(String field) {
        return field.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
