package com.aftercare.web.console.marketing;

import com.aftercare.stepmail.newsletter.Newsletters;
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
 * The newsletters with how far each send got, as the list shows them, as a CSV file: every
 * newsletter, not only the latest hundred the page lists.
 */
@Controller
class NewsletterExportController {

    private static final List<String> COLUMNS = List.of(
            "marketing.newsletters.subject",
            "marketing.newsletters.sendAt",
            "marketing.newsletters.status",
            "marketing.newsletters.overCapColumn",
            "marketing.newsletters.recipients",
            "marketing.newsletters.waiting",
            "marketing.newsletters.enqueued",
            "marketing.newsletters.skipped",
            "marketing.newsletters.cancelledColumn",
            "stepmail.language",
            "csv.newsletters.createdBy");

    private final Newsletters newsletters;
    private final OperatorNames operatorNames;
    private final CsvDownload csv;

    NewsletterExportController(Newsletters newsletters, OperatorNames operatorNames, CsvDownload csv) {
        this.newsletters = newsletters;
        this.operatorNames = operatorNames;
        this.csv = csv;
    }

    @GetMapping(NewslettersController.HERE + "/export")
    void export(Principal supervisor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        csv.send(
                new CsvDownload.Export("newsletters", COLUMNS, Map.of()),
                supervisor,
                request,
                response,
                sheet -> newsletters.each(n -> sheet.row(
                        n.subject(),
                        n.sendAt(),
                        sheet.message("marketing.newsletters.status." + n.status()),
                        sheet.message("stepmail.overCap." + n.overCap()),
                        n.recipients(),
                        n.waiting(),
                        n.enqueued(),
                        n.skipped(),
                        n.cancelled(),
                        sheet.message("layout.lang." + n.language()),
                        operatorNames.of(n.createdBy()))));
    }
}
