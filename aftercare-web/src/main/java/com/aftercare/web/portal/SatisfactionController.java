package com.aftercare.web.portal;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.SatisfactionSurvey;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The satisfaction survey behind the link in the mail sent when an inquiry is resolved. */
@Controller
@RequestMapping("/portal/csat")
class SatisfactionController {

    private final SatisfactionSurvey survey;

    SatisfactionController(SatisfactionSurvey survey) {
        this.survey = survey;
    }

    @GetMapping
    String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<SatisfactionSurvey.Survey> opened = survey.open(token);
        if (opened.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LINK_INVALID;
        }
        model.addAttribute("survey", opened.get());
        model.addAttribute("token", token);
        return opened.get().answered() ? PortalViews.CSAT_THANKS : PortalViews.CSAT;
    }

    @PostMapping
    String answer(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response) {
        Optional<SatisfactionSurvey.Survey> opened = survey.open(token);
        if (opened.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LINK_INVALID;
        }
        model.addAttribute("survey", opened.get());
        model.addAttribute("token", token);
        try {
            survey.answer(token, score == null ? 0 : score, comment);
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "problem",
                    "score".equals(e.field()) ? "portal.csat.score.required" : "portal.csat.comment.invalid");
            model.addAttribute("comment", comment);
            return PortalViews.CSAT;
        }
        return PortalViews.CSAT_THANKS;
    }
}
