package com.aftercare.web.portal;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.VisitConfirmation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the change link of a visit confirmation: the date and place, and a box to ask
 * for another time, which lands in the visit's inquiry. A link that is tampered with, expired or
 * made for something else is a 400 page that says only that the link does not work.
 */
@Controller
@RequestMapping("/portal/visit")
class VisitChangeController {

    private final VisitConfirmation visits;

    VisitChangeController(VisitConfirmation visits) {
        this.visits = visits;
    }

    @GetMapping
    String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        return show(token, model, response, null);
    }

    @PostMapping
    String ask(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String wish,
            Model model,
            HttpServletResponse response) {
        String page = show(token, model, response, wish);
        if (!page.equals(PortalViews.VISIT)) {
            return page;
        }
        try {
            visits.askForAnotherTime(token, wish);
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "portal.visit.wish.invalid");
            return page;
        }
        model.addAttribute("sent", true);
        return page;
    }

    private String show(String token, Model model, HttpServletResponse response, String wish) {
        Optional<VisitConfirmation.Visit> visit = visits.open(token);
        if (visit.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LINK_INVALID;
        }
        model.addAttribute("visit", visit.get());
        model.addAttribute("token", token);
        model.addAttribute("wish", wish);
        return PortalViews.VISIT;
    }
}
