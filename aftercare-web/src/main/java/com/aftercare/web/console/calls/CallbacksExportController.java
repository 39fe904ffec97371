package com.aftercare.web.console.calls;

import com.aftercare.inquiry.CallsAndVisits;
import com.aftercare.web.console.CsvDownload;
import com.aftercare.web.console.OperatorNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The callbacks list (calls to return today, and those already late) as a CSV file, for the desk
 * that works it on paper or in a spreadsheet; calls and visits themselves are inquiries, and
 * download with the inquiry queue.
 */
@Controller
class CallbacksExportController {

    private static final List<String> COLUMNS = List.of(
            "desk.call.callbackAt",
            "sla.OVERDUE",
            "inquiry.reference",
            "desk.call.caller",
            "inquiry.customer",
            "inquiry.subject",
            "inquiry.assignee");

    private final CallsAndVisits desk;
    private final OperatorNames operatorNames;
    private final CsvDownload csv;

    CallbacksExportController(CallsAndVisits desk, OperatorNames operatorNames, CsvDownload csv) {
        this.desk = desk;
        this.operatorNames = operatorNames;
        this.csv = csv;
    }

    @GetMapping("/console/callbacks/export")
    void export(Principal operator, HttpServletRequest request, HttpServletResponse response) throws IOException {
        csv.send(
                new CsvDownload.Export("callbacks", COLUMNS, Map.of()),
                operator,
                request,
                response,
                sheet -> desk.eachDueToday(c -> sheet.row(
                        c.callbackAt(),
                        c.overdue() ? sheet.message("sla.OVERDUE") : null,
                        c.reference(),
                        c.caller(),
                        c.customerName(),
                        c.subject(),
                        c.assignee() == null ? sheet.message("inquiry.unassigned") : operatorNames.of(c.assignee()))));
    }
}
