package com.aftercare.web.console.search;

import com.aftercare.domain.search.CustomerSearch;
import com.aftercare.domain.search.InvalidSearch;
import com.aftercare.domain.search.SearchQuery;
import com.aftercare.inquiry.InquirySearch;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final CustomerSearch customers;
    private final InquirySearch inquiries;

    SearchController(CustomerSearch customers, InquirySearch inquiries) {
        this.customers = customers;
        this.inquiries = inquiries;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "all") String in,
            @RequestParam(required = false) Long before,
            Model model,
            HttpServletResponse response) {
        Group group = Group.of(in);
        model.addAttribute("group", group.key());
        model.addAttribute("maxLength", SearchQuery.MAX_LENGTH);
        if (q == null) {
            return ConsoleViews.SEARCH;
        }
        model.addAttribute("q", q);
        SearchQuery query;
        try {
            query = SearchQuery.parse(q);
        } catch (InvalidSearch e) {
            model.addAttribute("error", "search.invalid." + e.reason().name().toLowerCase(Locale.ROOT));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return ConsoleViews.SEARCH;
        }
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
