package com.aftercare.web.console.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says an audit entry in the operator's language. Every module records its own action codes
 * ({@code faq.published}, {@code product-policy.saved}) and details, and the trail must keep them as
 * written (the search matches the code's beginning); the page reads them through messages:
 *
 * <ul>
 *   <li>the action: {@code audit.action.<code>}, else the thing ({@code audit.subject.<code up to the
 *       last dot>}) and what happened to it ({@code audit.verb.<last part>}), else the verb alone, so
 *       a module's new action is still readable before it has a message of its own;
 *   <li>the target: {@code audit.targetType.<type>}, and a product scope ({@code sku:…},
 *       {@code category:…}) as the policies page says it;
 *   <li>each detail as "label: value", in the order the module wrote them (the trail keeps it, see
 *       {@link com.aftercare.domain.audit.AuditLog#record}): {@code audit.field.<key>}, yes/no for
 *       true/false, a value from {@code audit.value.<key>.<value>} or from the enum's own words named by
 *       {@code audit.valuesFrom.<key>} where the value is a code, a nested map's fields in the same
 *       list (labelled {@code audit.field.<map>.<field>} where that exists, as a range's min and max).
 * </ul>
 *
 * An id of something with a name (a storefront, a team, an operator: {@link AuditNames}) is shown by
 * that name, as a detail of that key or as a target of that type.
 *
 * Whatever has no message is shown as recorded. Templates call it as {@code ${@auditWords.…}}.
 */
@Component("auditWords")
public class AuditWords {

    private static final Pattern SCOPE = Pattern.compile("(sku|category):(.+)");

    /** One detail as the page shows it. */
    public record Detail(String label, String value) {}

    private final MessageSource messages;

    AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    /** What was done, in words; {@code null} when neither the action nor its verb has a message. */
    public String action(String action) {
        String whole = optional("audit.action." + action);
        if (whole != null) {
            return whole;
        }
        int dot = action.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String verb = optional("audit.verb." + action.substring(dot + 1));
        if (verb == null) {
            return null;
        }
        String subject = optional("audit.subject." + action.substring(0, dot));
        return subject == null ? verb : message("audit.subjectVerb", subject, verb);
    }

    /**
     * What it was done to: the kind of thing in words and its id, or its name where it has one (a
     * product scope in words too).
     */
    public String target(String type, String id, AuditNames.Names names) {
        String kind = type == null ? "" : orAsIs("audit.targetType." + type, type);
        if (id == null) {
            return kind;
        }
        Matcher scope = SCOPE.matcher(id);
        String named = names.of(type, id);
        String what = named != null
                ? named
                : scope.matches() ? message("productScope." + scope.group(1), scope.group(2)) : id;
        return kind + " " + what;
    }

    /** The details as "label: value" pairs in their recorded order, nested maps flattened into the same list. */
    public List<Detail> details(Map<String, Object> details, AuditNames.Names names) {
        List<Detail> shown = new ArrayList<>();
        add("", details, names, shown);
        return shown;
    }

    @SuppressWarnings("unchecked")
    private void add(String key, Object value, AuditNames.Names names, List<Detail> shown) {
        if (value instanceof Map<?, ?> map) {
            // a record's fields (a policy's terms, a rule's conditions): one not set says nothing, so it is left out
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (key.isEmpty() || (v != null && !(v instanceof Collection<?> none && none.isEmpty()))) {
                    // a field of a nested record is labelled as the record's part first (a range's min)
                    String part = key.isEmpty() || optional("audit.field." + key + "." + k) == null ? k : key + "." + k;
                    add(part, v, names, shown);
                }
            });
            return;
        }
        shown.add(new Detail(orAsIs("audit.field." + key, key), value(key, value, names)));
    }

    private String value(String key, Object value, AuditNames.Names names) {
        if (value == null) {
            return message("audit.value.none");
        }
        if (value instanceof Boolean yes) {
            return message(yes ? "audit.value.true" : "audit.value.false");
        }
        if (value instanceof Collection<?> values) {
            return String.join(
                    ", ", values.stream().map(v -> value(key, v, names)).toList());
        }
        String name = names.of(key, value);
        if (name != null) {
            return name;
        }
        String text = value.toString();
        String word = optional("audit.value." + key + "." + text);
        if (word != null) {
            return word;
        }
        // a field holding an enum whose words exist already (a request type, a reason)
        String prefix = optional("audit.valuesFrom." + key);
        String named = prefix == null ? null : optional(prefix + text);
        return named != null ? named : text;
    }

    private String orAsIs(String key, String asIs) {
        String label = optional(key);
        return label != null ? label : asIs;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale());
    }

    private String optional(String key) {
        return messages.getMessage(key, null, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
