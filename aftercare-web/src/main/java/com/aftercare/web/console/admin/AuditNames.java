package com.aftercare.web.console.admin;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Teams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The names of what an audit entry names by its id: a storefront by its number, a team by its code,
 * an operator by the username they sign in with. Read once per page (the audit page asks
 * {@code ${@auditNames.current()}} before its table), not once per entry: the three lists are short.
 */
@Component("auditNames")
public class AuditNames {

    /**
     * Names by kind, then by id; the kind is the detail's key and the target's type alike
     * ({@code storefront}, {@code team}, {@code operator}).
     */
    public record Names(Map<String, Map<String, String>> byKind) {

        /** Nothing is named: every id shows as recorded. */
        public static final Names NONE = new Names(Map.of());

        /** The name of this id of this kind; null for a kind without names or an id since removed. */
        public String of(String kind, Object id) {
            Map<String, String> names = byKind.get(kind);
            return names == null || id == null ? null : names.get(id.toString());
        }
    }

    private final Storefronts storefronts;
    private final Teams teams;
    private final Operators operators;

    AuditNames(Storefronts storefronts, Teams teams, Operators operators) {
        this.storefronts = storefronts;
        this.teams = teams;
        this.operators = operators;
    }

    public Names current() {
        Map<String, Map<String, String>> byKind = new HashMap<>();
        byKind.put(
                "storefront",
                byId(storefronts.all(), s -> Long.toString(s.id().value()), Storefronts.StorefrontView::name));
        byKind.put("team", byId(teams.all(), Teams.TeamView::code, Teams.TeamView::name));
        byKind.put("operator", byId(operators.all(), Operators.Summary::username, Operators.Summary::displayName));
        return new Names(byKind);
    }

    private static <T> Map<String, String> byId(List<T> things, Function<T, String> id, Function<T, String> name) {
        return things.stream().collect(Collectors.toMap(id, name, (first, second) -> first));
    }
}
