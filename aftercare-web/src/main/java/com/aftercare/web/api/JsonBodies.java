package com.aftercare.web.api;

import com.aftercare.domain.shared.Sha256;
import com.aftercare.domain.shared.Text;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads API bodies by hand instead of through {@code @RequestBody}, because the event API needs
 * the parsed tree (for a canonical hash that ignores key order and whitespace) as well as the
 * bound and validated record, and because every failure must name its field.
 */
@Component
public class JsonBodies {

    static final String LONE_SURROGATE = "must not contain a lone surrogate (half of a UTF-16 pair, such as \\ud800)";

    private final JsonMapper json;
    private final Validator validator;

    JsonBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** A body read both ways. */
    public record Parsed<T>(T value, JsonNode tree) {}

    public <T> Parsed<T> read(String body, Class<T> type) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw InvalidRequest.of("body", "is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object");
        }
        String broken = loneSurrogateIn(tree, "");
        if (broken != null) {
            throw InvalidRequest.of(broken, LONE_SURROGATE);
        }
        T value;
        try {
            value = json.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw InvalidRequest.of(pathOf(e), reasonOf(e));
        }
        List<InvalidRequest.FieldError> errors = validator.validate(value).stream()
                .map(v -> new InvalidRequest.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(InvalidRequest.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidRequest(
                    errors.stream()
                            .map(e -> e.field() + ": " + e.reason())
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow(),
                    errors);
        }
        return new Parsed<>(value, tree);
    }

    /**
     * The path of the first text (or key) holding half a surrogate pair, such as {@code "\ud800"}:
     * valid JSON, but no character. Stored, it becomes U+FFFD or an error in PostgreSQL, mail and
     * exports, and an event id would change its identity on the way; refused here for every body.
     */
    private static String loneSurrogateIn(JsonNode node, String path) {
        if (node.isString()) {
            return Text.hasLoneSurrogate(node.asString()) ? (path.isEmpty() ? "body" : path) : null;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (Text.hasLoneSurrogate(entry.getKey())) {
                    return field;
                }
                String inside = loneSurrogateIn(entry.getValue(), field);
                if (inside != null) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inside = loneSurrogateIn(node.get(i), path + "[" + i + "]");
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    /** SHA-256 of the tree with object keys sorted, so a retry that reorders keys is still a retry. */
    public byte[] canonicalSha256(JsonNode tree) {
        return Sha256.of(json.writeValueAsString(canonical(tree)));
    }

    private static Object canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, Object> sorted = new TreeMap<>();
            object.properties().forEach(entry -> sorted.put(entry.getKey(), canonical(entry.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            return node.valueStream().map(JsonBodies::canonical).toList();
        }
        return node;
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String reasonOf(JacksonException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has the wrong type or format";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 date-time with offset, such as 2026-11-23T10:15:30+09:00";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
