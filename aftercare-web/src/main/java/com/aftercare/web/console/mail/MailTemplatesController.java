package com.aftercare.web.console.mail;

import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.MailTemplateDeclaration;
import com.aftercare.domain.mail.TemplateLevel;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.storefront.Storefronts.StorefrontView;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every mail the product sends, and one template's versions: per language, for the whole shop or
 * for one storefront. A version is checked when saved (syntax, and every variable against what
 * the mail really gets); a refused version stays on the page with the error under its part.
 * Beside the form, the mail as a customer of a sample order gets it, discreet or not.
 */
@Controller
@RequestMapping(MailTemplatesController.HERE)
class MailTemplatesController {

    static final String HERE = "/console/mail/templates";
    private static final String FORM = "templateForm";
    private static final List<String> FIELDS =
            List.of(MailTemplate.TEXT_BODY, MailTemplate.SUBJECT, MailTemplate.HTML_BODY);

    private final MailTemplateCatalogue catalogue;
    private final Storefronts storefronts;

    MailTemplatesController(MailTemplateCatalogue catalogue, Storefronts storefronts) {
        this.catalogue = catalogue;
        this.storefronts = storefronts;
    }

    /** The console's headings in the order a shop meets its mails: the order, after-sales, the desk, the portal, step mail. */
    private static final List<String> GROUPS = List.of(
            "mail.group.orders",
            "mail.group.claims",
            "mail.group.inquiries",
            "mail.group.portal",
            "mail.group.stepmail");

    /** One heading's templates. */
    record Group(String key, List<MailTemplateCatalogue.Entry> entries) {}

    @GetMapping
    String list(Model model) {
        Map<String, List<MailTemplateCatalogue.Entry>> byGroup = catalogue.entries().stream()
                .collect(Collectors.groupingBy(
                        MailTemplateCatalogue.Entry::group, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute(
                "groups",
                byGroup.entrySet().stream()
                        .sorted(Comparator.comparingInt(
                                e -> GROUPS.contains(e.getKey()) ? GROUPS.indexOf(e.getKey()) : GROUPS.size()))
                        .map(e -> new Group(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute("storefronts", storefronts.all());
        return ConsoleViews.MAIL_TEMPLATES;
    }

    @GetMapping("/{code}")
    String show(
            @PathVariable String code,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) Long storefront,
            @RequestParam(defaultValue = "false") boolean discreet,
            Model model) {
        Scope scope = scope(code, lang, storefront);
        TemplateForm form = TemplateForm.of(
                catalogue.version(code, scope.language(), scope.storefrontId()).template());
        return page(scope, form, null, discreet, model);
    }

    @PostMapping("/{code}")
    String save(
            @PathVariable String code,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) Long storefront,
            @ModelAttribute(FORM) TemplateForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Scope scope = scope(code, lang, storefront);
        try {
            catalogue.save(code, scope.language(), scope.storefrontId(), form.toTemplate(), supervisor.getName());
        } catch (Rejected e) {
            ConsoleForms.reject(errors, e.problems(), "mail.template.invalid", FIELDS);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(scope, form, errors, false, model);
        }
        redirect.addFlashAttribute("notice", "mail.template.saved");
        return ConsoleViews.redirect(scope.path());
    }

    @PostMapping("/{code}/reset")
    String reset(
            @PathVariable String code,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) Long storefront,
            Principal supervisor,
            RedirectAttributes redirect) {
        Scope scope = scope(code, lang, storefront);
        boolean removed = catalogue.reset(code, scope.language(), scope.storefrontId(), supervisor.getName());
        redirect.addFlashAttribute("notice", removed ? "mail.template.reset.done" : "mail.template.reset.none");
        return ConsoleViews.redirect(scope.path());
    }

    /** Which template, in which language, at which level (a storefront, or the whole shop). */
    private record Scope(String code, String language, StorefrontView storefront) {

        StorefrontId storefrontId() {
            return storefront == null ? null : storefront.id();
        }

        String path() {
            return path("");
        }

        String path(String action) {
            return UriComponentsBuilder.fromPath(HERE + "/{code}" + action)
                    .queryParam("lang", language)
                    .queryParamIfPresent(
                            "storefront", Optional.ofNullable(storefront).map(s -> s.id().value()))
                    .buildAndExpand(code)
                    .encode()
                    .toUriString();
        }
    }

    /** An unknown template is a 404; an unknown storefront or language falls back to the shop's and its default. */
    private Scope scope(String code, String lang, Long storefront) {
        catalogue.declaration(code);
        String language = lang != null && MailTemplate.LANGUAGES.contains(lang) ? lang : catalogue.defaultLanguage();
        StorefrontView view = storefront == null
                ? null
                : storefronts.find(new StorefrontId(storefront)).orElse(null);
        return new Scope(code, language, view);
    }

    private String page(Scope scope, TemplateForm form, BindingResult errors, boolean discreet, Model model) {
        MailTemplateDeclaration declaration = catalogue.declaration(scope.code());
        MailTemplateCatalogue.Version version = catalogue.version(scope.code(), scope.language(), scope.storefrontId());
        model.addAttribute("code", scope.code());
        model.addAttribute("declaration", declaration);
        model.addAttribute("language", scope.language());
        model.addAttribute("languages", MailTemplate.LANGUAGES);
        model.addAttribute("storefront", scope.storefront());
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("level", version.level());
        model.addAttribute("ownVersion", ownsVersion(scope, version.level()));
        model.addAttribute(
                "variables",
                catalogue.variablesFor(scope.code()).names().stream().sorted().toList());
        model.addAttribute("discreet", discreet);
        model.addAttribute("path", scope.path());
        model.addAttribute("resetPath", scope.path("/reset"));
        model.addAttribute(FORM, form);
        if (errors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        } else {
            preview(scope, discreet, model);
        }
        return ConsoleViews.MAIL_TEMPLATE;
    }

    /** Whether the page's level has a version of its own that a reset would remove. */
    private static boolean ownsVersion(Scope scope, TemplateLevel level) {
        return scope.storefront() == null ? level == TemplateLevel.SHOP : level == TemplateLevel.STOREFRONT;
    }

    /**
     * The preview, or why it does not render: a version saved before the variables it names were
     * taken away (a step moved to another trigger) shows the problem instead of failing the page.
     */
    private void preview(Scope scope, boolean discreet, Model model) {
        try {
            model.addAttribute(
                    "preview", catalogue.preview(scope.code(), scope.language(), scope.storefrontId(), discreet));
        } catch (Rejected e) {
            model.addAttribute("previewProblem", e.problems().get(0).message());
        }
    }
}
