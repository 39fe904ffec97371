package com.aftercare.web.console.inquiries;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.InquiryQueue;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import com.aftercare.web.console.StorefrontChoice;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue of open work: all, mine or unassigned, narrowed to one operator's, one team's or one
 * storefront's (a storefront that is none is refused under its select, with 400). With
 * htmx a filter change answers the list, "load more" the next rows (and the pager for the page
 * after); a plain request or a history restore gets the whole page.
 */
@Controller
class InquiryQueueController {

    /** The queue's columns, as the page shows them. */
    private static final List<String> COLUMNS = List.of(
            "inquiry.reference",
            "inquiry.subject",
            "inquiry.customer",
            "inquiry.channel",
            "inquiry.category",
            "inquiry.priority",
            "inquiry.status",
            "inquiry.assignee",
            "inquiry.flagged",
            "inquiry.due",
            "inquiry.sla");

    private static final String FORM = "scope";

    private final InquiryQueue queue;
    private final Teams teams;
    private final Operators operators;
    private final Storefronts storefronts;
    private final StorefrontChoice storefrontChoice;
    private final CsvDownload csv;

    InquiryQueueController(
            InquiryQueue queue,
            Teams teams,
            Operators operators,
            Storefronts storefronts,
            StorefrontChoice storefrontChoice,
            CsvDownload csv) {
        this.queue = queue;
        this.teams = teams;
        this.operators = operators;
        this.storefronts = storefronts;
        this.storefrontChoice = storefrontChoice;
        this.csv = csv;
    }

    @GetMapping("/console/inquiries")
    String queue(
            @RequestParam(defaultValue = "all") String filter,
            @RequestParam(required = false) String after,
            @ModelAttribute(FORM) QueueScope form,
            BindingResult errors,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            @RequestHeader(value = Htmx.HISTORY_RESTORE, required = false) String restore,
            Principal operator,
            Model model,
            HttpServletResponse response) {
        InquiryQueue.Filter chosen = filter(filter);
        boolean first = after == null || after.isBlank();
        model.addAttribute("filter", chosen.name().toLowerCase(Locale.ROOT));
        // whose work, which team's and which storefront's: anyone may look at anyone's queue
        model.addAttribute("teams", teams.all());
        model.addAttribute("operators", operators.all());
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("first", first);
        // a storefront that is none is refused under its select; the queue below is then not narrowed
        // by it, as the select (back on "every storefront") says
        // a storefront id that does not parse leaves no form at all (constructor binding failed)
        QueueScope given = form == null ? QueueScope.EVERYONE : form;
        String view = ConsoleForms.submit(
                errors,
                response,
                () -> show(chosen, operator, given, storefrontChoice.of(given.storefront()), after, model),
                () -> show(chosen, operator, given.withoutStorefront(), null, after, model));
        response.addHeader("Vary", Htmx.REQUEST);
        if (!Htmx.wantsFragment(htmx, restore)) {
            return view;
        }
        if (first) {
            return ConsoleViews.INQUIRY_QUEUE_LIST; // a filter change replaces the whole list
        }
        model.addAttribute("oob", true); // "load more": the next rows, and the pager for the page after
        return ConsoleViews.INQUIRY_QUEUE_MORE;
    }

    /** The queue as the page filters it (all of it, not one page), as a CSV file. */
    @GetMapping("/console/inquiries/export")
    void export(
            @RequestParam(defaultValue = "all") String filter,
            @ModelAttribute(FORM) QueueScope form,
            BindingResult errors,
            Principal operator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        InquiryQueue.Filter chosen = filter(filter);
        if (errors.hasErrors() || form == null) {
            throw new InvalidValue("storefront", "is not a storefront"); // a file has no field to say it under
        }
        InquiryQueue.Scope scope = form.toScope(storefrontChoice.of(form.storefront()));
        Map<String, String> given = new LinkedHashMap<>();
        given.put("filter", chosen.name().toLowerCase(Locale.ROOT));
        given.put("assignee", form.assignee());
        given.put("team", form.team());
        given.put(
                "storefront",
                form.storefront() == null ? null : form.storefront().toString());
        csv.send(
                new CsvDownload.Export("inquiries", COLUMNS, given),
                operator,
                request,
                response,
                sheet -> queue.each(
                        chosen,
                        operator.getName(),
                        scope,
                        i -> sheet.row(
                                i.reference(),
                                i.subject(),
                                i.customerName(),
                                sheet.message("channel." + i.channel().name()),
                                sheet.message("category." + i.category().name()),
                                sheet.message("priority." + i.priority().name()),
                                sheet.message("inquiryStatus." + i.status().name()),
                                i.assignee(),
                                i.flagged(),
                                i.dueAt(),
                                sheet.message("sla." + i.sla().name()))));
    }

    /** The queue narrowed as {@code shown} says (what the selects, the pager and the CSV links carry). */
    private String show(
            InquiryQueue.Filter chosen,
            Principal operator,
            QueueScope shown,
            StorefrontId storefront,
            String after,
            Model model) {
        model.addAttribute("narrowed", shown);
        model.addAttribute(
                "page",
                queue.page(chosen, operator.getName(), shown.toScope(storefront), after, InquiryQueue.PAGE_SIZE));
        return ConsoleViews.INQUIRY_QUEUE;
    }

    private static InquiryQueue.Filter filter(String value) {
        for (InquiryQueue.Filter f : InquiryQueue.Filter.values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        return InquiryQueue.Filter.ALL;
    }
}
