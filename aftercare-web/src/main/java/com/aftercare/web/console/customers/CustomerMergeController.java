package com.aftercare.web.console.customers;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerMerges;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.MergeRefused;
import com.aftercare.domain.search.CustomerSearch;
import com.aftercare.domain.search.SearchQuery;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merging a duplicate into the customer whose page this is (supervisors and admins): pick the
 * duplicate (same-phone proposals, or a search within the storefronts this customer shares), see
 * what moves, confirm. A refusal (itself, erased, another storefront) is the page again with its
 * reason and a 400.
 */
@Controller
@RequestMapping("/console/customers/{id}/merge")
class CustomerMergeController {

    private static final int SEARCH_ROWS = 20;

    private final Customers customers;
    private final CustomerMerges merges;
    private final CustomerSearch search;

    CustomerMergeController(Customers customers, CustomerMerges merges, CustomerSearch search) {
        this.customers = customers;
        this.merges = merges;
        this.search = search;
    }

    @GetMapping
    String page(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long duplicate,
            Model model,
            HttpServletResponse response) {
        CustomerId survivor = new CustomerId(id);
        show(survivor, q, model);
        if (duplicate != null) {
            try {
                model.addAttribute("preview", merges.preview(survivor, new CustomerId(duplicate)));
            } catch (MergeRefused e) {
                return refused(e, model, response);
            }
        }
        return ConsoleViews.CUSTOMER_MERGE;
    }

    @PostMapping
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) Long duplicate,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        CustomerId survivor = new CustomerId(id);
        if (duplicate == null) {
            show(survivor, null, model);
            model.addAttribute("refusal", "customers.merge.refused.none");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return ConsoleViews.CUSTOMER_MERGE;
        }
        try {
            merges.merge(survivor, new CustomerId(duplicate), operator.getName());
        } catch (MergeRefused e) {
            show(survivor, null, model);
            return refused(e, model, response);
        }
        redirect.addFlashAttribute("notice", "customers.merge.done");
        return ConsoleViews.redirect("/console/customers/" + id);
    }

    private void show(CustomerId survivor, String q, Model model) {
        CustomerView customer = customers.find(survivor).orElseThrow(() -> NotFound.customer(survivor.value()));
        model.addAttribute("customer", customer);
        model.addAttribute("candidates", merges.candidates(survivor));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : matches(survivor, q, model));
    }

    /** Search hits that could merge into the customer: other storefronts' customers never show. */
    private List<CustomerSearch.CustomerMatch> matches(CustomerId survivor, String q, Model model) {
        SearchQuery query;
        try {
            query = SearchQuery.parse(q);
        } catch (InvalidValue e) {
            model.addAttribute("searchError", "customers.merge.search.invalid");
            return List.of();
        }
        List<CustomerSearch.CustomerMatch> found =
                search.customers(query, null, SEARCH_ROWS).items();
        List<CustomerId> allowed = merges.mergeableInto(
                survivor, found.stream().map(CustomerSearch.CustomerMatch::id).toList());
        return found.stream().filter(m -> allowed.contains(m.id())).toList();
    }

    private static String refused(MergeRefused e, Model model, HttpServletResponse response) {
        model.addAttribute("refusal", "customers.merge.refused." + e.reason());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return ConsoleViews.CUSTOMER_MERGE;
    }
}
