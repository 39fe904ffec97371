package com.aftercare.web.console.stepmail;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.stepmail.scenario.StepMailDeliveries;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The step mails behind the scenario figures, one row each, as a CSV file: every scenario from
 * the scenarios page, one from its own page. The customer's email is masked as everywhere in
 * lists; {@code reveal=true} writes it whole, which only supervisors and admins reach (the step
 * mail console is theirs), and the audit entry says so.
 */
@Controller
class StepMailDeliveriesController {

    private static final List<String> COLUMNS = List.of(
            "stepmail.name",
            "csv.stepmail.step",
            "stepmail.template",
            "csv.stepmail.customer",
            "csv.stepmail.email",
            "csv.stepmail.channel",
            "csv.stepmail.state",
            "csv.stepmail.dueAt",
            "csv.mail.sentAt");

    private final StepMailDeliveries deliveries;
    private final CsvDownload csv;

    StepMailDeliveriesController(StepMailDeliveries deliveries, CsvDownload csv) {
        this.deliveries = deliveries;
        this.csv = csv;
    }

    @GetMapping(ScenarioEditorController.HERE + "/deliveries/export")
    void export(
            @RequestParam(required = false) String scenario,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "false") String reveal,
            Principal supervisor,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        StepMailDeliveries.Filter filter = new StepMailDeliveries.Filter(
                id("scenario", scenario),
                id("step", step),
                blank(state) ? null : state.strip().toUpperCase(Locale.ROOT));
        boolean whole = switch (reveal.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValue("reveal", "is neither true nor false");
        };
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("scenario", filter.scenario());
        given.put("step", filter.step());
        given.put("state", filter.state());
        given.put("reveal", whole);
        csv.send(
                new CsvDownload.Export("stepmail", COLUMNS, given),
                supervisor,
                request,
                response,
                sheet -> deliveries.each(
                        filter,
                        whole,
                        d -> sheet.row(
                                d.scenario(),
                                d.step(),
                                templateName(sheet, d.template()),
                                d.customerName(),
                                d.email(),
                                d.channel() == null ? null : sheet.message("channel." + channel(d.channel())),
                                sheet.message("csv.stepmail.state." + d.state()),
                                d.dueAt(),
                                d.sentAt())));
    }

    /** The template's name as the timeline shows it; a template the shop added has only its code. */
    private static String templateName(CsvDownload.Sheet sheet, String code) {
        String key = "mail.template.name." + code;
        String name = sheet.message(key);
        return name.equals(key) ? code : name;
    }

    /** The channels' words are the desk's ({@code channel.EMAIL}, {@code channel.LINE}). */
    private static String channel(String channel) {
        return channel.equals("MAIL") ? "EMAIL" : channel;
    }

    private static Long id(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below, with the field's name
        }
        throw new InvalidValue(field, "is not an id");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
