package com.aftercare.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's sign-in page. Spring Security handles the POST; the page only shows the form and
 * the outcome it was sent back with ({@code ?error}, {@code ?locked}, {@code ?logout}).
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return ConsoleViews.LOGIN;
    }
}
