package com.aftercare.web.console;

import com.aftercare.domain.shop.ShopProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every console page: the shop, who is signed in, their powers. */
@ControllerAdvice(basePackages = "com.aftercare.web.console")
class ConsoleModel {

    private final ShopProperties shop;
    private final ConsoleNavigation navigation;

    ConsoleModel(ShopProperties shop, ConsoleNavigation navigation) {
        this.shop = shop;
        this.navigation = navigation;
    }

    /** The left navigation: what this person may open, grouped by the work, this page marked. */
    @ModelAttribute("nav")
    List<ConsoleNavigation.Section> nav(Principal principal, HttpServletRequest request) {
        if (!(principal instanceof Authentication person)) {
            return List.of();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return navigation.sectionsFor(person, path);
    }

    @ModelAttribute("shopName")
    String shopName() {
        return shop.name();
    }

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin(Principal principal) {
        return hasAnyRole(principal, "ROLE_ADMIN");
    }

    /** SUPERVISOR or above: keeps canned responses and FAQ, teams, rules, figures, step mail and marketing. */
    @ModelAttribute("isSupervisor")
    boolean isSupervisor(Principal principal) {
        return hasAnyRole(principal, "ROLE_SUPERVISOR", "ROLE_ADMIN");
    }

    private static boolean hasAnyRole(Principal principal, String... roles) {
        return principal instanceof Authentication authentication
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> Arrays.asList(roles).contains(a.getAuthority()));
    }
}
