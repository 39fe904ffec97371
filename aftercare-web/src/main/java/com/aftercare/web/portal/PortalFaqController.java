package com.aftercare.web.portal;

import com.aftercare.inquiry.FaqArticles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public FAQ (よくある質問): published articles only, grouped by category, for anyone (no
 * login; {@code /portal/**} is open). Answers are shown as text, line breaks kept, never as markup.
 */
@Controller
class PortalFaqController {

    private final FaqArticles faq;

    PortalFaqController(FaqArticles faq) {
        this.faq = faq;
    }

    @GetMapping("/portal/faq")
    String faq(Model model) {
        model.addAttribute("sections", faq.publishedByCategory());
        return PortalViews.FAQ;
    }
}
