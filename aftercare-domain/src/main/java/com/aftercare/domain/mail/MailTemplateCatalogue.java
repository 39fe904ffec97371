package com.aftercare.domain.mail;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.mail.templates.MailTemplates;
import com.aftercare.domain.mail.templates.TemplateValidator;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every mail template of the product, as the console shows and edits them: the templates each
 * module declares ({@link MailTemplateUse}) and the free ones step mail may choose from. A shop
 * writes its own version of a template, for the whole shop or for one storefront, per language;
 * each version is checked when it is saved against the variables that mail really gets, and
 * previewed with the sending module's own variable builder on a sample order, discreet or not.
 * Also the one renderer and checker for templates composed elsewhere (newsletters, packing cards).
 */
@Service
public class MailTemplateCatalogue {

    /** A template as the console lists it. */
    public record Entry(
            String code,
            String group,
            MailKind kind,
            Map<String, TemplateLevel> levelByLanguage,
            Map<String, List<Long>> storefrontsWithOwnVersion) {

        public boolean editedForShop() {
            return levelByLanguage.containsValue(TemplateLevel.SHOP);
        }

        /** How many storefronts have a version of their own, in any language. */
        public long storefrontCount() {
            return storefrontsWithOwnVersion.values().stream()
                    .flatMap(List::stream)
                    .distinct()
                    .count();
        }
    }

    /** The version of a template used at one level, and where it comes from. */
    public record Version(MailTemplate template, TemplateLevel level) {}

    private final List<MailTemplateUse> uses;
    private final MailTemplates templates;
    private final TemplateValidator validator;
    private final AuditLog audit;

    MailTemplateCatalogue(
            List<MailTemplateUse> uses, MailTemplates templates, TemplateValidator validator, AuditLog audit) {
        this.uses = uses;
        this.templates = templates;
        this.validator = validator;
        this.audit = audit;
    }

    /** Every template: the declared ones in their modules' order (claims in workflow order), then the free ones by code. */
    @Transactional(readOnly = true)
    public List<Entry> entries() {
        Map<String, MailTemplateDeclaration> all = new LinkedHashMap<>();
        uses.forEach(use -> use.declarations().forEach(d -> all.putIfAbsent(d.code(), d)));
        freeTemplates().forEach(code -> adopt(code).ifPresent(d -> all.put(code, d)));
        return all.values().stream().map(this::entry).toList();
    }

    /**
     * The declaration of a template.
     *
     * @throws NotFound when no module sends or may choose a template with that code
     */
    @Transactional(readOnly = true)
    public MailTemplateDeclaration declaration(String code) {
        return find(code).orElseThrow(() -> NotFound.mailTemplate(code));
    }

    /**
     * The free templates: shipped or written for choosing (step mail's steps choose among them),
     * not sent by any module under its own code.
     */
    @Transactional(readOnly = true)
    public List<String> freeTemplates() {
        TreeSet<String> free = new TreeSet<>(templates.codes());
        uses.forEach(use -> use.declarations().forEach(d -> free.remove(d.code())));
        return List.copyOf(free);
    }

    /** Whether any module sends or may choose the template. */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return find(code).isPresent();
    }

    /** The version the mails at this level use ({@code storefront} null: the shop's). */
    @Transactional(readOnly = true)
    public Version version(String code, String language, StorefrontId storefront) {
        declaration(code);
        requireLanguage(language);
        return templates
                .version(code, language, storefront)
                .map(v -> new Version(v.template(), v.level()))
                .orElseGet(() -> new Version(new MailTemplate("", "", null), TemplateLevel.NONE));
    }

    /**
     * Saves the shop's (storefront null) or a storefront's own version of a template, after
     * checking it against the variables the mail gets. Audited.
     *
     * @throws Rejected with every problem found; nothing is written
     */
    @Transactional
    public void save(String code, String language, StorefrontId storefront, MailTemplate template, String by) {
        requireLanguage(language);
        List<FieldProblem> problems = check(code, template);
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        templates.store(code, language, storefront, template, by);
        audit.record(by, "mail.template.saved", "mail_template", target(code, language, storefront), Map.of());
    }

    /**
     * Removes the shop's or a storefront's own version: the next level's version is used again.
     * Audited.
     *
     * @return false when there was no such version
     */
    @Transactional
    public boolean reset(String code, String language, StorefrontId storefront, String by) {
        declaration(code);
        requireLanguage(language);
        boolean removed = templates.delete(code, language, storefront);
        if (removed) {
            audit.record(by, "mail.template.reset", "mail_template", target(code, language, storefront), Map.of());
        }
        return removed;
    }

    /**
     * The mail as a customer of the sample order would get it, with the version used at that
     * level, rendered by the sending module's own variable builder.
     *
     * @throws Rejected when the version does not render
     */
    @Transactional(readOnly = true)
    public RenderedMail preview(String code, String language, StorefrontId storefront, boolean discreet) {
        MailTemplateDeclaration declaration = declaration(code);
        requireLanguage(language);
        MailTemplate source = templates.resolve(code, language, storefront).template();
        return templates.render(source, previewVariables(declaration, MailSample.of(discreet, language)));
    }

    /**
     * The template as a mail at that level would use it, rendered with the caller's variables (a
     * step previewed with a real order).
     *
     * @throws Rejected when it does not render
     */
    @Transactional(readOnly = true)
    public RenderedMail render(String code, String language, StorefrontId storefront, Map<String, Object> variables) {
        declaration(code);
        requireLanguage(language);
        return templates.render(templates.resolve(code, language, storefront).template(), variables);
    }

    /** A version as it would render, before it is saved (the editor's live preview). */
    public RenderedMail preview(String code, MailTemplate source, String language, boolean discreet) {
        return templates.render(source, previewVariables(declaration(code), MailSample.of(discreet, language)));
    }

    /** The version shipped with the application in exactly this language, if any. */
    public Optional<MailTemplate> shipped(String code, String language) {
        return templates.shipped(code, language);
    }

    /**
     * Every problem of a version against its template's declaration: the variables it may name
     * (checked with sample values, every branch), that it renders for the sending module's real
     * variables of an ordinary and of a discreet order (no product lines: {@code lines[0]} fails
     * there), and that its rendered subject shows what the declaration requires.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(String code, MailTemplate version) {
        MailTemplateDeclaration declaration = declaration(code);
        List<FieldProblem> problems = new ArrayList<>(validator.check(version, variablesOf(declaration)));
        if (!problems.isEmpty()) {
            return problems;
        }
        for (boolean discreet : List.of(false, true)) {
            Map<String, Object> variables = previewVariables(declaration, MailSample.of(discreet, defaultLanguage()));
            try {
                RenderedMail rendered = templates.render(version, variables);
                for (String required : declaration.requiredInSubject()) {
                    if (!rendered.subject().contains(String.valueOf(variables.get(required)))) {
                        problems.add(new FieldProblem(MailTemplate.SUBJECT, "must show ${" + required + "}"));
                    }
                }
            } catch (Rejected e) {
                e.problems()
                        .forEach(p -> problems.add(
                                new FieldProblem(p.field(), (discreet ? "for a discreet order: " : "") + p.message())));
            }
        }
        return problems.stream().distinct().toList();
    }

    /** The variables a version of the template may name. */
    @Transactional(readOnly = true)
    public TemplateVariables variablesFor(String code) {
        return variablesOf(declaration(code));
    }

    /**
     * Every problem any version of the template (each language, the shop's, every storefront's,
     * the shipped one) has against these variables: a change of where a template is used (a
     * step-mail trigger) must keep every version valid.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> problemsWith(String code, TemplateVariables variables) {
        List<FieldProblem> problems = new ArrayList<>();
        templates.savedVersions(code).forEach(t -> problems.addAll(validator.check(t, variables)));
        for (String language : MailTemplate.LANGUAGES) {
            templates.shipped(code, language).ifPresent(t -> problems.addAll(validator.check(t, variables)));
        }
        return problems;
    }

    /** Checks a template composed elsewhere (a newsletter, a packing card) against its variables. */
    public List<FieldProblem> check(MailTemplate template, TemplateVariables variables) {
        return validator.check(template, variables);
    }

    /**
     * Renders a template composed elsewhere.
     *
     * @throws Rejected naming the part that does not render
     */
    public RenderedMail render(MailTemplate template, Map<String, Object> variables) {
        return templates.render(template, variables);
    }

    /** The shop's default language, in which a mail goes out when the customer's has no version. */
    public String defaultLanguage() {
        return templates.defaultLanguage();
    }

    private Optional<MailTemplateDeclaration> find(String code) {
        for (MailTemplateUse use : uses) {
            for (MailTemplateDeclaration declaration : use.declarations()) {
                if (declaration.code().equals(code)) {
                    return Optional.of(declaration);
                }
            }
        }
        return templates.codes().contains(code) ? adopt(code) : Optional.empty();
    }

    private Optional<MailTemplateDeclaration> adopt(String code) {
        return uses.stream().flatMap(use -> use.adopt(code).stream()).findFirst();
    }

    private Entry entry(MailTemplateDeclaration declaration) {
        Map<String, TemplateLevel> levels = new LinkedHashMap<>();
        for (String language : MailTemplate.LANGUAGES) {
            levels.put(
                    language,
                    templates
                            .version(declaration.code(), language, null)
                            .map(MailTemplates.Version::level)
                            .orElse(TemplateLevel.NONE));
        }
        return new Entry(
                declaration.code(),
                declaration.group(),
                declaration.kind(),
                levels,
                templates.storefrontVersions(declaration.code()));
    }

    /** What a version may name: the declared variables, and for promotional mail what the pipeline adds. */
    static TemplateVariables variablesOf(MailTemplateDeclaration declaration) {
        return declaration.kind() == MailKind.PROMOTIONAL
                ? declaration.variables().with(TemplateVariables.PROMOTIONAL)
                : declaration.variables();
    }

    private static Map<String, Object> previewVariables(MailTemplateDeclaration declaration, MailSample sample) {
        Map<String, Object> variables = new HashMap<>(variablesOf(declaration).samples());
        // the module's builder on the sample order: what a customer of that order would really get
        variables.putAll(declaration.preview().apply(sample));
        return variables;
    }

    private static void requireLanguage(String language) {
        if (!MailTemplate.LANGUAGES.contains(language)) {
            throw Rejected.of("language", "choose one of " + MailTemplate.LANGUAGES);
        }
    }

    private static String target(String code, String language, StorefrontId storefront) {
        return code + "/" + language + (storefront == null ? "" : "/storefront-" + storefront.value());
    }
}
