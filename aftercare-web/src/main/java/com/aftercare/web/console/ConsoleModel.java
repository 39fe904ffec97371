package com.aftercare.web.console;

import com.aftercare.domain.shop.ShopProperties;
import java.security.Principal;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every console page: the shop, who is signed in, their powers. */
@ControllerAdvice(basePackages = "com.aftercare.web.console")
class ConsoleModel {

    private final ShopProperties shop;

    ConsoleModel(ShopProperties shop) {
        this.shop = shop;
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

    /** Supervisors and admins: they manage teams, rules and figures, and reassign inquiries. */
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
