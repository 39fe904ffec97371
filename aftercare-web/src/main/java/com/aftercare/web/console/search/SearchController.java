package com.aftercare.web.console.search;

import com.aftercare.domain.search.CustomerSearch;
import com.aftercare.domain.search.SearchQuery;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.InquirySearch;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One search box for the console: customers, orders and inquiries, grouped. The overview shows the
 * newest few of each group; a group's own page ({@code in=inquiries}) pages through all of its
 * results with a keyset cursor ({@code before}). Personal data comes back masked.
 */
@Controller
@RequestMapping("/console/search")
class SearchController {

    static final int PREVIEW = 10;
    static final int PAGE = 50;
    private static final String FORM = "search";

    /** Which results a page shows. */
    enum Group {
        ALL,
        CUSTOMERS,
        ORDERS,
        INQUIRIES;

        static Group of(String value) {
            for (Group g : values()) {
                if (g.name().equalsIgnoreCase(value)) {
                    return g;
                }
            }
            return ALL;
        }

        boolean shows(Group group) {
            return this == ALL || this == group;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> CUSTOMER_COLUMNS =
            List.of("search.customer.name", "search.customer.kana", "search.customer.email", "search.customer.phone");
    private static final List<String> ORDER_COLUMNS =
            List.of("search.order.number", "search.order.status", "search.order.placedAt", "search.order.customer");

    private final CustomerSearch customers;
    private final InquirySearch inquiries;
    private final CsvDownload csv;

    SearchController(CustomerSearch customers, InquirySearch inquiries, CsvDownload csv) {
        this.customers = customers;
        this.inquiries = inquiries;
        this.csv = csv;
    }

    @GetMapping
    String search(
            @ModelAttribute(FORM) SearchForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Group group = Group.of(form.in());
        model.addAttribute("mayRevealInBulk", request.isUserInRole("SUPERVISOR") || request.isUserInRole("ADMIN"));
        model.addAttribute("group", group.key());
        model.addAttribute("maxLength", SearchQuery.MAX_LENGTH);
        if (form.q() == null) {
            return ConsoleViews.SEARCH;
        }
        model.addAttribute("q", form.q());
        return ConsoleForms.submit(
                errors,
                response,
                () -> results(SearchQuery.parse(form.q()), group, form.before(), model),
                () -> ConsoleViews.SEARCH);
    }

    /**
     * Every customer or order the search finds (one group, {@code in}), as a CSV file. Email and
     * phone stay masked as on the page; {@code reveal=true} writes them whole, which the security
     * configuration keeps for supervisors and admins, and the audit entry says so.
     */
    @GetMapping("/export")
    void export(
            @ModelAttribute(FORM) SearchForm form,
            @RequestParam(defaultValue = "false") boolean reveal,
            Principal operator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        SearchQuery query = SearchQuery.parse(form.q());
        Group group = Group.of(form.in());
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("q", form.q());
        filter.put("in", group.key());
        if (group == Group.CUSTOMERS) {
            filter.put("reveal", reveal);
            csv.send(
                    new CsvDownload.Export("customers", CUSTOMER_COLUMNS, filter),
                    operator,
                    request,
                    response,
                    sheet -> customers.eachCustomer(
                            query, reveal, c -> sheet.row(c.name(), c.nameKana(), c.email(), c.phone())));
        } else if (group == Group.ORDERS) {
            csv.send(
                    new CsvDownload.Export("orders", ORDER_COLUMNS, filter),
                    operator,
                    request,
                    response,
                    sheet -> customers.eachOrder(
                            query,
                            o -> sheet.row(
                                    o.orderNumber(),
                                    sheet.message(
                                            "portal.order.status." + o.status().name()),
                                    o.placedAt(),
                                    o.customerName())));
        } else {
            throw new InvalidValue("in", "is neither customers nor orders");
        }
    }

    private String results(SearchQuery query, Group group, Long before, Model model) {
        int size = group == Group.ALL ? PREVIEW : PAGE;
        Long cursor = group == Group.ALL ? null : before;
        if (group.shows(Group.CUSTOMERS)) {
            model.addAttribute("customers", customers.customers(query, cursor, size));
        }
        if (group.shows(Group.ORDERS)) {
            model.addAttribute("orders", customers.orders(query, cursor, size));
        }
        if (group.shows(Group.INQUIRIES)) {
            model.addAttribute("inquiries", inquiries.inquiries(query, cursor, size));
        }
        return ConsoleViews.SEARCH;
    }
}
