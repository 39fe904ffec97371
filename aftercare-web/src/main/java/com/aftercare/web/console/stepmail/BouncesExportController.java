package com.aftercare.web.console.stepmail;

import com.aftercare.domain.mail.MailDeliveries;
import com.aftercare.web.console.CsvDownload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every address bouncing now as a CSV file, all of them (the page lists the latest 200). The
 * addresses are written whole, as the page shows them: the list is there to get them corrected.
 */
@Controller
class BouncesExportController {

    private static final List<String> COLUMNS =
            List.of("stepmail.bounces.address", "stepmail.bounces.at", "stepmail.bounces.reason", "csv.bounces.source");

    private final MailDeliveries deliveries;
    private final CsvDownload csv;

    BouncesExportController(MailDeliveries deliveries, CsvDownload csv) {
        this.deliveries = deliveries;
        this.csv = csv;
    }

    @GetMapping(ScenarioEditorController.HERE + "/bounces/export")
    void export(Principal supervisor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        csv.send(
                new CsvDownload.Export("bounces", COLUMNS, Map.of()),
                supervisor,
                request,
                response,
                sheet -> deliveries.eachBouncing(b -> sheet.row(b.address(), b.bouncedAt(), b.reason(), b.source())));
    }
}
