package com.aftercare.web.console.admin;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import com.aftercare.web.console.OperatorNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The admin area's entry and its audit trail. Security lets only ADMINs in. */
@Controller
class AdminHomeController {

    static final int PAGE = 50;
    private static final String FORM = "search";

    private static final List<String> COLUMNS = List.of(
            "audit.at",
            "audit.actor",
            "csv.audit.actorCode",
            "audit.action",
            "csv.audit.actionCode",
            "audit.target",
            "audit.details");

    private final AuditLog audit;
    private final ShopProperties shop;
    private final CsvDownload csv;
    private final AuditWords words;
    private final AuditNames auditNames;
    private final OperatorNames operatorNames;

    AdminHomeController(
            AuditLog audit,
            ShopProperties shop,
            CsvDownload csv,
            AuditWords words,
            AuditNames auditNames,
            OperatorNames operatorNames) {
        this.audit = audit;
        this.shop = shop;
        this.csv = csv;
        this.words = words;
        this.auditNames = auditNames;
        this.operatorNames = operatorNames;
    }

    @GetMapping("/console/admin")
    String admin() {
        return ConsoleViews.redirect("/console/admin/operators");
    }

    /**
     * The whole trail, searched by who, what, whom and when, newest first, a page at a time (the
     * next page starts below the last entry shown). A date that does not parse, or an end before the
     * start, is answered on the page with 400.
     */
    @GetMapping("/console/admin/audit")
    String audit(
            @ModelAttribute(FORM) AuditSearchForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    AuditLog.Page page = audit.search(form.toSearch(shop.zone()), PAGE);
                    model.addAttribute("entries", page.entries());
                    model.addAttribute("nextBefore", page.nextBefore());
                    return ConsoleViews.ADMIN_AUDIT;
                },
                () -> {
                    model.addAttribute("entries", List.of());
                    return ConsoleViews.ADMIN_AUDIT;
                });
    }

    /**
     * The trail the page's search finds, all of it (not the page shown: {@code before} is left
     * out), as a CSV file in the page's words, with each entry's codes beside them so a row can be
     * searched for again. A date that does not parse, or an end before the start, is a 400.
     */
    @GetMapping("/console/admin/audit/export")
    void export(
            @ModelAttribute(FORM) AuditSearchForm form,
            BindingResult errors,
            Principal admin,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (errors.hasFieldErrors()) {
            throw new InvalidValue(errors.getFieldErrors().get(0).getField(), "cannot be read");
        }
        AuditLog.Search search = new AuditSearchForm(
                        form.actor(), form.action(), form.targetType(), form.targetId(), form.from(), form.to(), null)
                .toSearch(shop.zone());
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("actor", form.actor());
        filter.put("action", form.action());
        filter.put("targetType", form.targetType());
        filter.put("targetId", form.targetId());
        filter.put("from", form.from());
        filter.put("to", form.to());
        AuditNames.Names names = auditNames.current();
        // one look-up per operator, not per row: the trail repeats the same few actors
        Map<String, String> actors = new HashMap<>();
        csv.send(
                new CsvDownload.Export("audit", COLUMNS, filter),
                admin,
                request,
                response,
                sheet -> audit.each(
                        search,
                        e -> sheet.row(
                                e.at(),
                                e.actor() == null ? null : actors.computeIfAbsent(e.actor(), operatorNames::of),
                                e.actor(),
                                words.action(e.action()),
                                e.action(),
                                words.target(e.targetType(), e.targetId(), names),
                                words.details(e.details(), names).stream()
                                        .map(d -> sheet.message("audit.detail", d.label(), d.value()))
                                        .collect(Collectors.joining("\n")))));
    }
}
