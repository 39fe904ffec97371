package com.aftercare.web.console.search;

import com.aftercare.domain.search.CustomerSearch;
import com.aftercare.domain.search.SearchQuery;
import com.aftercare.inquiry.InquirySearch;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

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

    private final CustomerSearch customers;
    private final InquirySearch inquiries;

    SearchController(CustomerSearch customers, InquirySearch inquiries) {
        this.customers = customers;
        this.inquiries = inquiries;
    }

    @GetMapping
    String search(
            @ModelAttribute(FORM) SearchForm form, BindingResult errors, Model model, HttpServletResponse response) {
        Group group = Group.of(form.in());
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
