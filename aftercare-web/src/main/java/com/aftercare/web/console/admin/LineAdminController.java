package com.aftercare.web.console.admin;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.line.LineProperties;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A storefront's LINE official account: the webhook URL to paste into the LINE Developers
 * console, the channel secret and access token (sealed, shown only by the secret's last four
 * characters), a check that asks LINE for the bot with the stored token, whether linked
 * customers get their notices on LINE, and the automatic first reply to a LINE-only customer.
 * {@link LineChannels} audits every change as the acting admin.
 */
@Controller
@RequestMapping("/console/admin/storefronts/{id}/line")
class LineAdminController {

    private static final String FORM = "channelForm";
    private static final String NOTICES_FORM = "noticesForm";
    private static final String FIRST_REPLY_FORM = "firstReplyForm";

    private final LineChannels channels;
    private final ShopProperties shop;
    private final StorefrontSettingsPage page;
    /** Demo mode's LINE stand-in answers this instance's LINE calls (DemoLinePlatform): the page says so. */
    private final boolean demoLine;

    LineAdminController(
            Storefronts storefronts, LineChannels channels, ShopProperties shop, LineProperties line, Environment env) {
        this.channels = channels;
        String standIn = env.getProperty("aftercare.demo.line-api-base-url");
        this.demoLine = standIn != null && standIn.equals(line.apiBaseUrl().toString());
        this.shop = shop;
        this.page = new StorefrontSettingsPage(storefronts, "line", ConsoleViews.ADMIN_LINE, this::fill);
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
    }

    @PostMapping
    String save(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) LineChannelForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return page.submit(id, errors, model, response, redirect, storefront -> {
            channels.save(storefront, form.channelSecret(), form.accessToken(), admin.getName());
            return "admin.line.saved";
        });
    }

    /** Turns notices on LINE on or off; a missing or odd value is answered on the page with 400. */
    @PostMapping("/notices")
    String notices(
            @PathVariable long id,
            @Valid @ModelAttribute(NOTICES_FORM) LineNoticesForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return page.submit(id, errors, model, response, redirect, storefront -> {
            channels.switchNotices(storefront, form.noticesOnLine(), admin.getName());
            return form.noticesOnLine() ? "admin.line.notices.on" : "admin.line.notices.off";
        });
    }

    /**
     * Turns the automatic first reply on or off with the shop's words; words too long or with
     * control characters, or a missing switch, are answered under their field with 400.
     */
    @PostMapping("/first-reply")
    String firstReply(
            @PathVariable long id,
            @Valid @ModelAttribute(FIRST_REPLY_FORM) LineFirstReplyForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return page.submit(id, errors, model, response, redirect, storefront -> {
            channels.saveFirstReply(storefront, form.firstReply(), form.firstReplyText(), admin.getName());
            return "admin.line.firstReply.saved";
        });
    }

    /** Asks LINE, and shows the answer on the page (the bot's name, or what went wrong). */
    @PostMapping("/check")
    String check(@PathVariable long id, Model model) {
        model.addAttribute("check", channels.check(page.storefront(id)));
        return page.show(id, model);
    }

    @PostMapping("/disconnect")
    String disconnect(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        channels.disconnect(page.storefront(id), admin.getName());
        return page.back(id, redirect, "admin.line.disconnected");
    }

    private void fill(Storefronts.StorefrontView storefront, Model model) {
        LineChannels.Settings settings = channels.settings(storefront.id());
        model.addAttribute("settings", settings);
        model.addAttribute("demoLine", demoLine);
        StorefrontSettingsPage.offer(model, FORM, LineChannelForm::empty);
        StorefrontSettingsPage.offer(model, NOTICES_FORM, () -> LineNoticesForm.of(settings.noticesOnLine()));
        StorefrontSettingsPage.offer(model, FIRST_REPLY_FORM, () -> LineFirstReplyForm.of(settings));
        model.addAttribute("firstReplyLink", LineChannels.LINK);
        // the default words as a customer reads them, with a link of the shape they get
        model.addAttribute("firstReplySample", shop.publicUrl() + "/portal?line=…");
        model.addAttribute("webhookUrl", shop.publicUrl() + "/api/v1/webhooks/line/" + storefront.code());
    }
}
