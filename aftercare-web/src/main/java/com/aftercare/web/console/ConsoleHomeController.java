package com.aftercare.web.console;

import com.aftercare.domain.storefront.Storefronts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's landing page. The inquiry desk, claims and step-mail pages hang off it. */
@Controller
class ConsoleHomeController {

    private final Storefronts storefronts;

    ConsoleHomeController(Storefronts storefronts) {
        this.storefronts = storefronts;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String home(Model model) {
        model.addAttribute("storefronts", storefronts.all());
        return ConsoleViews.HOME;
    }
}
