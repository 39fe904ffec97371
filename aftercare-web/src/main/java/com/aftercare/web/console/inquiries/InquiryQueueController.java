package com.aftercare.web.console.inquiries;

import com.aftercare.domain.operator.Operators;
import com.aftercare.inquiry.InquiryQueue;
import com.aftercare.inquiry.Teams;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue of open work: all, mine or unassigned, narrowed to one operator's or one team's. With
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

    private final InquiryQueue queue;
    private final Teams teams;
    private final Operators operators;
    private final CsvDownload csv;

    InquiryQueueController(InquiryQueue queue, Teams teams, Operators operators, CsvDownload csv) {
        this.queue = queue;
        this.teams = teams;
        this.operators = operators;
        this.csv = csv;
    }

    @GetMapping("/console/inquiries")
    String queue(
            @RequestParam(defaultValue = "all") String filter,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            @RequestHeader(value = Htmx.HISTORY_RESTORE, required = false) String restore,
            Principal operator,
            Model model,
            HttpServletResponse response) {
        InquiryQueue.Filter chosen = filter(filter);
        boolean first = after == null || after.isBlank();
        model.addAttribute("filter", chosen.name().toLowerCase(Locale.ROOT));
        // whose work and which team's: anyone may look at anyone's queue
        InquiryQueue.Scope scope = new InquiryQueue.Scope(assignee, team);
        model.addAttribute("scope", scope);
        model.addAttribute("teams", teams.all());
        model.addAttribute("operators", operators.all());
        model.addAttribute("page", queue.page(chosen, operator.getName(), scope, after, InquiryQueue.PAGE_SIZE));
        model.addAttribute("first", first);
        response.addHeader("Vary", Htmx.REQUEST);
        if (!Htmx.wantsFragment(htmx, restore)) {
            return ConsoleViews.INQUIRY_QUEUE;
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
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            Principal operator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        InquiryQueue.Filter chosen = filter(filter);
        InquiryQueue.Scope scope = new InquiryQueue.Scope(assignee, team);
        Map<String, String> given = new LinkedHashMap<>();
        given.put("filter", chosen.name().toLowerCase(Locale.ROOT));
        given.put("assignee", assignee);
        given.put("team", team);
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

    private static InquiryQueue.Filter filter(String value) {
        for (InquiryQueue.Filter f : InquiryQueue.Filter.values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        return InquiryQueue.Filter.ALL;
    }
}
