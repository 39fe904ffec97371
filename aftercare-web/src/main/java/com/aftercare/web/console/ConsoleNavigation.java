package com.aftercare.web.console;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * The console's left navigation: the pages grouped by the work they serve, in one place.
 *
 * <p>Who may see an item is not written here a second time: each item is shown only when the
 * security configuration's own URL rules would let the signed-in person open it (Spring
 * Security's {@link WebInvocationPrivilegeEvaluator}), so the menu can never offer a page that
 * answers 403, and a rule changed there changes the menu too.
 */
@Component
public class ConsoleNavigation {

    /**
     * One link; {@code paths} are the URL prefixes under which it is the current page (none: only
     * its own path, exactly).
     */
    public record Item(String id, String labelKey, String href, List<String> paths) {

        Item(String id, String labelKey, String href) {
            this(id, labelKey, href, List.of(pathOf(href)));
        }

        /** The path the item opens, without its query, which is what access rules match. */
        String path() {
            return pathOf(href);
        }

        private static String pathOf(String href) {
            int query = href.indexOf('?');
            return query < 0 ? href : href.substring(0, query);
        }
    }

    /** A heading and its links. */
    public record Group(String id, String labelKey, List<Item> items) {}

    /** An item as one person sees it on one page. */
    public record Link(Item item, boolean current) {}

    /** A group as one person sees it: only the links they may open, never empty. */
    public record Section(Group group, List<Link> links) {}

    static final List<Group> GROUPS = List.of(
            new Group(
                    "work",
                    "nav.group.work",
                    List.of(
                            new Item("nav-home", "nav.home", "/console", List.of()),
                            new Item("nav-inquiries", "nav.inquiries", "/console/inquiries"),
                            new Item(
                                    "nav-callbacks",
                                    "nav.callbacks",
                                    "/console/callbacks",
                                    List.of("/console/callbacks", "/console/calls", "/console/visits")),
                            new Item("nav-claims", "nav.claims", "/console/claims"),
                            new Item("nav-returns", "nav.returns", "/console/returns"))),
            new Group(
                    "customers",
                    "nav.group.customers",
                    List.of(
                            new Item("nav-search", "nav.search", "/console/search"),
                            new Item(
                                    "nav-customers",
                                    "nav.customers",
                                    "/console/search?in=customers",
                                    List.of("/console/customers")))),
            new Group(
                    "mail",
                    "nav.group.mail",
                    List.of(
                            new Item("nav-stepmail", "nav.stepmail", "/console/stepmail"),
                            new Item("nav-newsletters", "nav.newsletters", "/console/marketing/newsletters"),
                            new Item("nav-marketing", "nav.coupons", "/console/marketing/coupons"),
                            new Item(
                                    "nav-packing",
                                    "nav.packing",
                                    "/console/packing",
                                    List.of("/console/packing", "/console/marketing/packing-insert")),
                            new Item("nav-mail-templates", "nav.mailTemplates", "/console/mail/templates"))),
            new Group(
                    "analysis",
                    "nav.group.analysis",
                    List.of(
                            new Item("nav-figures", "nav.figures", "/console/figures"),
                            new Item("nav-claim-figures", "nav.claimFigures", "/console/claims/figures"))),
            new Group(
                    "settings",
                    "nav.group.settings",
                    List.of(
                            new Item("nav-teams", "nav.teams", "/console/teams"),
                            new Item("nav-rules", "nav.rules", "/console/assignment-rules"),
                            new Item("nav-automations", "nav.automations", "/console/automations"),
                            new Item("nav-macros", "nav.macros", "/console/macros"),
                            new Item(
                                    "nav-knowledge",
                                    "nav.knowledge",
                                    "/console/canned-responses",
                                    List.of("/console/canned-responses", "/console/faq")),
                            new Item("nav-policies", "nav.policies", "/console/policies"),
                            new Item(
                                    "nav-claim-rules",
                                    "nav.claimRules",
                                    "/console/policies/rules",
                                    List.of("/console/policies/rules")),
                            new Item("nav-return-settings", "nav.returnSettings", "/console/returns/settings"),
                            new Item("nav-storefronts", "nav.storefronts", "/console/admin/storefronts"),
                            new Item("nav-imports", "nav.imports", "/console/admin/imports"),
                            new Item("nav-operators", "nav.operators", "/console/admin/operators"),
                            new Item("nav-audit", "nav.audit", "/console/admin/audit"),
                            new Item("nav-privacy", "nav.privacy", "/console/admin/privacy"),
                            new Item("nav-delivery-log", "nav.mail", "/console/admin/mail"))));

    private final WebInvocationPrivilegeEvaluator access;

    ConsoleNavigation(WebInvocationPrivilegeEvaluator access) {
        this.access = access;
    }

    /**
     * The groups this person may use, with the item for {@code requestPath} marked current.
     *
     * @param requestPath the path of the page shown, without the context path
     */
    public List<Section> sectionsFor(Authentication person, String requestPath) {
        Optional<Item> current = currentItem(requestPath);
        return GROUPS.stream()
                .map(g -> new Section(
                        g,
                        g.items().stream()
                                .filter(i -> access.isAllowed(i.path(), person))
                                .map(i -> new Link(i, current.map(i::equals).orElse(false)))
                                .toList()))
                .filter(s -> !s.links().isEmpty())
                .toList();
    }

    /**
     * The item a page belongs to: the longest path prefix that matches, so the claims' figures
     * are "figures" rather than "claims"; the home page only for itself.
     */
    static Optional<Item> currentItem(String requestPath) {
        String path = requestPath.endsWith("/") && requestPath.length() > 1
                ? requestPath.substring(0, requestPath.length() - 1)
                : requestPath;
        record Match(Item item, int length) {}
        return GROUPS.stream()
                .flatMap(g -> g.items().stream())
                .flatMap(i -> i.paths().isEmpty()
                        ? Stream.of(i.path()).filter(path::equals).map(p -> new Match(i, p.length()))
                        : i.paths().stream()
                                .filter(p -> path.equals(p) || path.startsWith(p + "/"))
                                .map(p -> new Match(i, p.length())))
                .max(Comparator.comparingInt(Match::length))
                .map(Match::item);
    }
}
