package com.aftercare.web.console.returns;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.logistics.Carrier;
import com.aftercare.returns.logistics.CarrierExports;
import com.aftercare.returns.logistics.CarrierFormat;
import com.aftercare.returns.logistics.PickupSlot;
import com.aftercare.returns.logistics.ReturnLogisticsSetup;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.StorefrontChoice;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Return logistics in the console, per storefront: the returns on their way back (pick-ups,
 * 着払い hand-ins, in transit, flagged) with the carrier export for the slip printer (operators),
 * and the settings, return addresses and non-working days (supervisors, {@code /settings}). The
 * facades check and audit everything; a refused value is answered at its field with 400.
 */
@Controller
@RequestMapping(ReturnLogisticsController.HERE)
class ReturnLogisticsController {

    static final String HERE = "/console/returns";
    private static final String SETTINGS = HERE + "/settings";

    private final CarrierExports exports;
    private final ReturnLogisticsSetup setup;
    private final Storefronts storefronts;
    private final StorefrontChoice choice;

    ReturnLogisticsController(
            CarrierExports exports, ReturnLogisticsSetup setup, Storefronts storefronts, StorefrontChoice choice) {
        this.exports = exports;
        this.setup = setup;
        this.storefronts = storefronts;
        this.choice = choice;
    }

    @GetMapping
    String shipments(@RequestParam(required = false) Long storefront, Model model) {
        StorefrontId chosen = chosen(storefront);
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("chosen", chosen);
        model.addAttribute("shipments", chosen == null ? List.of() : exports.pending(chosen));
        model.addAttribute("formats", CarrierFormat.values());
        model.addAttribute(
                "format",
                chosen == null
                        ? CarrierFormat.B2_CLOUD
                        : CarrierFormat.of(setup.settings(chosen).carrier()));
        return ConsoleViews.RETURN_SHIPMENTS;
    }

    /** The carrier file: Shift_JIS CSV of the parcels not exported yet (or all of them again). */
    @PostMapping("/export")
    void export(
            @RequestParam Long storefront,
            @RequestParam String format,
            @RequestParam(defaultValue = "false") boolean again,
            Principal operator,
            HttpServletResponse response)
            throws IOException {
        StorefrontId chosen = choice.of(storefront);
        // parsed here, not bound, so a forged format is the same refused-value page (400) as a forged storefront
        CarrierFormat layout = java.util.Arrays.stream(CarrierFormat.values())
                .filter(f -> f.name().equals(format))
                .findFirst()
                .orElseThrow(() -> new com.aftercare.domain.shared.InvalidValue("format", "not a carrier format"));
        response.setContentType("text/csv;charset=windows-31j");
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename("returns-" + layout.name().toLowerCase(java.util.Locale.ROOT) + "-" + storefront
                                + ".csv")
                        .build()
                        .toString());
        response.setHeader("Cache-Control", "no-store");
        exports.export(chosen, layout, again, response.getOutputStream(), operator.getName());
    }

    @GetMapping("/settings")
    String settings(@RequestParam(required = false) Long storefront, Model model) {
        StorefrontId chosen = chosen(storefront);
        model.addAttribute("settings", chosen == null ? null : ReturnSettingsForm.of(setup.settings(chosen)));
        model.addAttribute("address", ReturnAddressForm.empty());
        model.addAttribute("closed", NonWorkingDayForm.empty());
        return settingsPage(chosen, model);
    }

    @PostMapping("/settings")
    String saveSettings(
            @RequestParam Long storefront,
            @ModelAttribute("settings") ReturnSettingsForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        StorefrontId chosen = choice.of(storefront);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    setup.saveSettings(chosen, form.toSettings(), supervisor.getName());
                    return saved(redirect, "returns.settings.saved", chosen);
                },
                () -> {
                    model.addAttribute("address", ReturnAddressForm.empty());
                    model.addAttribute("closed", NonWorkingDayForm.empty());
                    return settingsPage(chosen, model);
                });
    }

    @PostMapping("/settings/addresses")
    String addAddress(
            @RequestParam Long storefront,
            @ModelAttribute("address") ReturnAddressForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        StorefrontId chosen = choice.of(storefront);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    setup.addAddress(form.toAddress(chosen), supervisor.getName());
                    return saved(redirect, "returns.address.added", chosen);
                },
                () -> {
                    model.addAttribute("settings", ReturnSettingsForm.of(setup.settings(chosen)));
                    model.addAttribute("closed", NonWorkingDayForm.empty());
                    return settingsPage(chosen, model);
                });
    }

    @PostMapping("/settings/addresses/{id}/remove")
    String removeAddress(
            @RequestParam Long storefront, @PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        StorefrontId chosen = choice.of(storefront);
        try {
            setup.removeAddress(chosen, id, supervisor.getName());
            return saved(redirect, "returns.address.removed", chosen);
        } catch (com.aftercare.domain.shared.InvalidValue e) {
            redirect.addFlashAttribute("problem", "returns.address.inUse");
            return ConsoleViews.redirect(SETTINGS + "?storefront=" + chosen.value());
        }
    }

    @PostMapping("/settings/calendar")
    String closeDay(
            @RequestParam Long storefront,
            @ModelAttribute("closed") NonWorkingDayForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        StorefrontId chosen = choice.of(storefront);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    setup.addNonWorkingDay(chosen, form.day(), supervisor.getName());
                    return saved(redirect, "returns.calendar.closed", chosen);
                },
                () -> {
                    model.addAttribute("settings", ReturnSettingsForm.of(setup.settings(chosen)));
                    model.addAttribute("address", ReturnAddressForm.empty());
                    return settingsPage(chosen, model);
                });
    }

    @PostMapping("/settings/calendar/{day}/remove")
    String openDay(
            @RequestParam Long storefront,
            @PathVariable
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    LocalDate day,
            Principal supervisor,
            RedirectAttributes redirect) {
        StorefrontId chosen = choice.of(storefront);
        setup.removeNonWorkingDay(chosen, day, supervisor.getName());
        return saved(redirect, "returns.calendar.opened", chosen);
    }

    private String settingsPage(StorefrontId chosen, Model model) {
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("chosen", chosen);
        model.addAttribute("addresses", chosen == null ? List.of() : setup.addresses(chosen));
        model.addAttribute("days", chosen == null ? List.of() : setup.nonWorkingDays(chosen));
        model.addAttribute("carriers", Carrier.values());
        model.addAttribute("requestTypes", com.aftercare.domain.claim.RequestType.values());
        model.addAttribute("reasons", com.aftercare.domain.claim.ReturnReason.values());
        model.addAttribute("slots", Arrays.asList(PickupSlot.values()));
        return ConsoleViews.RETURN_SETTINGS;
    }

    private static String saved(RedirectAttributes redirect, String notice, StorefrontId chosen) {
        redirect.addFlashAttribute("notice", notice);
        return ConsoleViews.redirect(SETTINGS + "?storefront=" + chosen.value());
    }

    /** The storefront asked for (a forged id is refused), else the first there is. */
    private StorefrontId chosen(Long storefront) {
        if (storefront != null) {
            return choice.of(storefront);
        }
        return storefronts.all().stream()
                .findFirst()
                .map(Storefronts.StorefrontView::id)
                .orElse(null);
    }
}
