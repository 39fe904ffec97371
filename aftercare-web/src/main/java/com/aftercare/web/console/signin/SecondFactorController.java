package com.aftercare.web.console.signin;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.operator.TwoFactor;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.security.OperatorSessions;
import com.aftercare.web.security.PendingSecondFactor;
import com.aftercare.web.security.SecondFactorSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of two-factor sign-in: the code after the password, setting it up (at sign-in for an
 * admin who has none yet, or from the operator's own account page), the recovery codes shown
 * once, turning it off where the role allows, and an admin's reset for a lost phone.
 */
@Controller
class SecondFactorController {

    /** The secret being set up, kept in the session until a code proves the app has it. */
    static final String SETUP_SECRET = "aftercare.two-factor.setup-secret";

    private static final String ACCOUNT = "/console/account/two-factor";

    private final TwoFactor twoFactor;
    private final SecondFactorSignIn signIn;
    private final Operators operators;
    private final OperatorSessions sessions;
    private final ShopProperties shop;

    SecondFactorController(
            TwoFactor twoFactor,
            SecondFactorSignIn signIn,
            Operators operators,
            OperatorSessions sessions,
            ShopProperties shop) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.operators = operators;
        this.sessions = sessions;
        this.shop = shop;
    }

    @GetMapping("/login/code")
    String codePage() {
        return SecondFactorSignIn.pending().isPresent()
                ? ConsoleViews.TWO_FACTOR_CODE
                : ConsoleViews.redirect("/login");
    }

    @PostMapping("/login/code")
    String submitCode(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        Optional<PendingSecondFactor> pending = SecondFactorSignIn.pending();
        if (pending.isEmpty()) {
            return ConsoleViews.redirect("/login");
        }
        switch (signIn.submitCode(pending.get(), code, request, response)) {
            case SIGNED_IN -> {
                signIn.continueToConsole(request, response);
                return null;
            }
            case LOCKED -> {
                return ConsoleViews.redirect("/login?locked");
            }
            default -> {
                response.setStatus(400);
                model.addAttribute("codeError", "twoFactor.code.wrong");
                return ConsoleViews.TWO_FACTOR_CODE;
            }
        }
    }

    @GetMapping("/login/enrol")
    String enrolPage(HttpSession session, Model model) {
        Optional<PendingSecondFactor> pending = SecondFactorSignIn.pending().filter(PendingSecondFactor::mustEnrol);
        if (pending.isEmpty()) {
            return ConsoleViews.redirect("/login");
        }
        return setupPage(pending.get().getName(), "/login/enrol", session, model);
    }

    @PostMapping("/login/enrol")
    String enrol(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        Optional<PendingSecondFactor> pending = SecondFactorSignIn.pending().filter(PendingSecondFactor::mustEnrol);
        if (pending.isEmpty()) {
            return ConsoleViews.redirect("/login");
        }
        String username = pending.get().getName();
        List<String> codes = enable(username, code, session, response, model);
        if (codes == null) {
            return setupPage(username, "/login/enrol", session, model);
        }
        signIn.complete(pending.get(), request, response);
        return recoveryCodes(codes, "/console", model);
    }

    @GetMapping(ACCOUNT)
    String account(Principal me, Model model) {
        Operators.Account account = operators.find(me.getName()).orElseThrow();
        model.addAttribute("status", twoFactor.status(me.getName()));
        model.addAttribute("required", signIn.requiredFor(account.role()));
        return ConsoleViews.TWO_FACTOR_ACCOUNT;
    }

    @GetMapping(ACCOUNT + "/setup")
    String accountSetupPage(Principal me, HttpSession session, Model model) {
        return setupPage(me.getName(), ACCOUNT + "/setup", session, model);
    }

    @PostMapping(ACCOUNT + "/setup")
    String accountSetup(
            @RequestParam(required = false) String code,
            Principal me,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        List<String> codes = enable(me.getName(), code, session, response, model);
        if (codes == null) {
            return setupPage(me.getName(), ACCOUNT + "/setup", session, model);
        }
        return recoveryCodes(codes, ACCOUNT, model);
    }

    @PostMapping(ACCOUNT + "/recovery-codes")
    String renewRecoveryCodes(Principal me, Model model, RedirectAttributes redirect) {
        if (!twoFactor.status(me.getName()).enabled()) {
            redirect.addFlashAttribute("problem", "twoFactor.notOn");
            return ConsoleViews.redirect(ACCOUNT);
        }
        return recoveryCodes(twoFactor.renewRecoveryCodes(me.getName()), ACCOUNT, model);
    }

    @PostMapping(ACCOUNT + "/disable")
    String disable(Principal me, RedirectAttributes redirect) {
        Operators.Account account = operators.find(me.getName()).orElseThrow();
        if (signIn.requiredFor(account.role())) {
            redirect.addFlashAttribute("problem", "twoFactor.requiredForAdmins");
        } else if (twoFactor.status(me.getName()).enabled()) {
            twoFactor.disable(me.getName(), me.getName());
            redirect.addFlashAttribute("notice", "twoFactor.disabled");
        }
        return ConsoleViews.redirect(ACCOUNT);
    }

    /** An admin's way out for an operator who lost their phone and their recovery codes. */
    @PostMapping("/console/admin/operators/{username}/two-factor/reset")
    String reset(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        twoFactor.disable(username, admin.getName());
        sessions.endAllOf(username, admin.getName());
        redirect.addFlashAttribute("notice", "twoFactor.reset");
        return ConsoleViews.redirect("/console/admin/operators");
    }

    private String setupPage(String username, String action, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(SETUP_SECRET);
        if (secret == null) {
            secret = twoFactor.newSecret();
            session.setAttribute(SETUP_SECRET, secret);
        }
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrSvg", QrCode.svg(TwoFactor.otpauthUri(shop.name(), username, secret)));
        model.addAttribute("action", action);
        return ConsoleViews.TWO_FACTOR_SETUP;
    }

    /** @return the recovery codes, or null (with the reason in the model and a 400) when the code was wrong */
    private List<String> enable(
            String username, String code, HttpSession session, HttpServletResponse response, Model model) {
        String secret = (String) session.getAttribute(SETUP_SECRET);
        if (secret == null) {
            response.setStatus(400);
            model.addAttribute("codeError", "twoFactor.setup.expired");
            return null;
        }
        try {
            List<String> codes = twoFactor.enable(username, secret, code, username);
            session.removeAttribute(SETUP_SECRET);
            return codes;
        } catch (InvalidValue wrong) {
            response.setStatus(400);
            model.addAttribute("codeError", "twoFactor.code.wrong");
            return null;
        }
    }

    private static String recoveryCodes(List<String> codes, String next, Model model) {
        model.addAttribute("codes", codes);
        model.addAttribute("next", next);
        return ConsoleViews.TWO_FACTOR_RECOVERY_CODES;
    }
}
