package com.aftercare.domain.mail.templates;

import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.mail.TemplateLevel;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.storefront.StorefrontId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Mail templates: where each version lives and how it renders. A template exists per language at
 * three levels, the first found wins: a storefront's own version, the shop's own version (both
 * saved in the console, {@code mail_template}), and the one shipped with the application
 * ({@code mail/<lang>/<code>.txt} on the classpath of the module that sends it, first line
 * {@code Subject: …}, and an optional {@code <code>.html} for the HTML part). Subject and text
 * render in Thymeleaf's TEXT mode, the HTML part in HTML mode. Kept apart from the web's engine so
 * mails never pick up page layouts.
 */
@Component
public class MailTemplates {

    /** A version of a template and where it comes from. */
    public record Version(MailTemplate template, TemplateLevel level) {}

    private static final String SUBJECT = "Subject:";
    private static final Pattern TEMPLATE_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    // SpEL, not OGNL: Spring's engine is the one whose expression language is on the classpath.
    private final TemplateEngine engine = new SpringTemplateEngine();
    private final Map<String, Optional<MailTemplate>> shipped = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final String defaultLanguage;

    MailTemplates(JdbcClient jdbc, @Value("${aftercare.mail.language:ja}") String defaultLanguage) {
        this.jdbc = jdbc;
        this.defaultLanguage = defaultLanguage;
        StringTemplateResolver resolver = new StringTemplateResolver();
        // the cache key is the template's whole text, so an edited template is a new entry
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    /**
     * Renders a template's source.
     *
     * @throws Rejected naming the part ({@code subject}, {@code textBody}, {@code htmlBody})
     *     that does not render
     */
    public RenderedMail render(MailTemplate template, Map<String, Object> variables) {
        Context context = new Context(Locale.JAPAN);
        context.setVariables(variables);
        String subject = process(MailTemplate.SUBJECT, template.subject(), TemplateMode.TEXT, context)
                .strip();
        String text = process(MailTemplate.TEXT_BODY, template.textBody(), TemplateMode.TEXT, context)
                .stripLeading();
        String html = template.hasHtml()
                ? process(MailTemplate.HTML_BODY, template.htmlBody(), TemplateMode.HTML, context)
                : null;
        return new RenderedMail(subject, text, html);
    }

    /**
     * The version used for a mail in {@code language} at {@code storefront} (null: the shop's):
     * the storefront's own, the shop's own, the shipped one; in that language, else in the shop's
     * default language.
     */
    public Version resolve(String code, String language, StorefrontId storefront) {
        return version(code, language, storefront)
                .or(() -> version(code, defaultLanguage, storefront))
                .orElseThrow(() -> new IllegalStateException("No mail template " + code));
    }

    /** The version in exactly this language, from the most specific level that has one. */
    public Optional<Version> version(String code, String language, StorefrontId storefront) {
        return saved(code, language, storefront)
                .or(() -> shipped(code, language).map(t -> new Version(t, TemplateLevel.SHIPPED)));
    }

    /** Every version saved in the console, at any level and in any language. */
    public List<MailTemplate> savedVersions(String code) {
        return jdbc.sql("select subject, text_body, html_body from mail_template where code = :code")
                .param("code", code)
                .query((rs, i) -> new MailTemplate(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The storefronts that have their own version of the template, per language. */
    public Map<String, List<Long>> storefrontVersions(String code) {
        Map<String, List<Long>> versions = new TreeMap<>();
        jdbc.sql("""
                        select language, storefront_id from mail_template
                         where code = :code and storefront_id is not null order by storefront_id
                        """).param("code", code).query(rs -> {
            versions.computeIfAbsent(rs.getString(1), l -> new ArrayList<>()).add(rs.getLong(2));
        });
        return versions;
    }

    /** Every template code shipped on the classpath or saved in the console. */
    public Set<String> codes() {
        TreeSet<String> codes = new TreeSet<>(jdbc.sql("select distinct code from mail_template")
                .query(String.class)
                .list());
        codes.addAll(shippedCodes());
        return codes;
    }

    /** The codes shipped with the application, in any language. */
    public Set<String> shippedCodes() {
        TreeSet<String> codes = new TreeSet<>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:mail/*/*.txt")) {
                String name = resource.getFilename();
                if (name != null) {
                    codes.add(name.substring(0, name.length() - ".txt".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    /**
     * Stores the shop's (storefront null) or a storefront's own version of a template. Callers
     * check it with {@link TemplateValidator} first: this only writes.
     */
    public void store(String code, String language, StorefrontId storefront, MailTemplate template, String by) {
        jdbc.sql("""
                        insert into mail_template (code, language, storefront_id, subject, text_body, html_body, updated_by)
                        values (:code, :language, :storefront, :subject, :text, :html, :by)
                        on conflict (code, language, coalesce(storefront_id, 0)) do update
                           set subject = excluded.subject, text_body = excluded.text_body,
                               html_body = excluded.html_body, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .params(scope(code, language, storefront))
                .param("subject", template.subject())
                .param("text", template.textBody())
                .param("html", template.htmlBody())
                .param("by", by)
                .update();
    }

    /** Removes a saved version; the next level's version is used again. False when there was none. */
    public boolean delete(String code, String language, StorefrontId storefront) {
        return jdbc.sql("""
                        delete from mail_template
                         where code = :code and language = :language
                           and storefront_id is not distinct from cast(:storefront as bigint)
                        """).params(scope(code, language, storefront)).update() == 1;
    }

    private static Map<String, Object> scope(String code, String language, StorefrontId storefront) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("code", code);
        scope.put("language", language);
        scope.put("storefront", storefront == null ? null : storefront.value());
        return scope;
    }

    /**
     * The most specific version saved in the console: the storefront's own, else the shop's.
     * One query for both levels, because every mail sent resolves its template here.
     */
    private Optional<Version> saved(String code, String language, StorefrontId storefront) {
        return jdbc.sql("""
                        select subject, text_body, html_body, storefront_id is not null from mail_template
                         where code = :code and language = :language
                           and (storefront_id is null or storefront_id = cast(:storefront as bigint))
                         order by storefront_id nulls last
                         limit 1
                        """)
                .params(scope(code, language, storefront))
                .query((rs, i) -> new Version(
                        new MailTemplate(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getBoolean(4) ? TemplateLevel.STOREFRONT : TemplateLevel.SHOP))
                .optional();
    }

    /** The shipped version in exactly this language. */
    public Optional<MailTemplate> shipped(String code, String language) {
        if (!MailTemplate.LANGUAGES.contains(language)
                || !TEMPLATE_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return shipped.computeIfAbsent(language + "/" + code, key -> {
            String text = classpathText("mail/" + key + ".txt");
            if (text == null) {
                return Optional.empty();
            }
            if (!text.startsWith(SUBJECT)) {
                throw new IllegalStateException("Mail template " + key + " must start with a 'Subject:' line");
            }
            int newline = text.indexOf('\n');
            String subject = text.substring(SUBJECT.length(), newline < 0 ? text.length() : newline)
                    .strip();
            String body = newline < 0 ? "" : text.substring(newline + 1);
            return Optional.of(new MailTemplate(subject, body, classpathText("mail/" + key + ".html")));
        });
    }

    private static String classpathText(String path) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String process(String part, String source, TemplateMode mode, Context context) {
        try {
            return engine.process(new TemplateSpec(source, mode), context);
        } catch (TemplateEngineException e) {
            throw Rejected.of(part, describe(e));
        }
    }

    /**
     * Thymeleaf names a string template by its whole text; the message keeps only what went wrong
     * and where.
     */
    private static String describe(TemplateEngineException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String what = (cause == e ? e.getMessage() : cause.getMessage());
        what = what == null ? e.getClass().getSimpleName() : what.replaceFirst("(?s)\\s*\\(template: .*$", "");
        if (e instanceof TemplateProcessingException processing && processing.getLine() != null) {
            return what + " (line " + processing.getLine() + ", col " + processing.getCol() + ")";
        }
        return what;
    }
}
