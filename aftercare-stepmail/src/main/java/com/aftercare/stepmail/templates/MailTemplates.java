package com.aftercare.stepmail.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
 * Mail templates and their rendering. Each template exists per language: the one shipped with the
 * application ({@code mail/<lang>/<code>.txt}, first line {@code Subject: …}, and an optional
 * {@code <code>.html} for the HTML part), unless the shop saved its own in the console
 * ({@code mail_template}), which then wins. Subject and text render in Thymeleaf's TEXT mode, the
 * HTML part in HTML mode. Kept apart from the web's engine so mails never pick up page layouts.
 */
@Component
public class MailTemplates {

    /** The languages a template can be written in; the shop's default comes first in lookups. */
    public static final List<String> LANGUAGES = List.of("ja", "en");

    private static final String SUBJECT = "Subject:";

    // SpEL, not OGNL: Spring's engine is the one whose expression language is on the classpath.
    private final TemplateEngine engine = new SpringTemplateEngine();
    private final Map<String, Optional<MailTemplate>> shipped = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final String defaultLanguage;

    MailTemplates(JdbcClient jdbc, @Value("${aftercare.stepmail.language:ja}") String defaultLanguage) {
        this.jdbc = jdbc;
        this.defaultLanguage = defaultLanguage;
        StringTemplateResolver resolver = new StringTemplateResolver();
        // the cache key is the template's whole text, so an edited template is a new entry
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** A rendered mail; {@code html} is null for a plain-text-only template. */
    public record Rendered(String subject, String text, String html) {}

    /** A template that does not render, naming the part ({@code subject}, {@code textBody}, {@code htmlBody}). */
    public static final class RenderFailed extends RuntimeException {

        private final String part;

        RenderFailed(String part, String message, Throwable cause) {
            super(message, cause);
            this.part = part;
        }

        public String part() {
            return part;
        }
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** Renders a template in the shop's default language. */
    public Rendered render(String code, Map<String, Object> variables) {
        return render(code, defaultLanguage, variables);
    }

    /** Renders a template in {@code language}, or in the shop's default where it has none. */
    public Rendered render(String code, String language, Map<String, Object> variables) {
        return render(resolve(code, language), variables);
    }

    public Rendered render(MailTemplate template, Map<String, Object> variables) {
        Context context = new Context(Locale.JAPAN);
        context.setVariables(variables);
        String subject = process(TemplateValidator.SUBJECT, template.subject(), TemplateMode.TEXT, context)
                .strip();
        String text = process(TemplateValidator.TEXT_BODY, template.textBody(), TemplateMode.TEXT, context)
                .stripLeading();
        String html = template.hasHtml()
                ? process(TemplateValidator.HTML_BODY, template.htmlBody(), TemplateMode.HTML, context)
                : null;
        return new Rendered(subject, text, html);
    }

    /** The template used for {@code language}: the shop's own, the shipped one, or the default language's. */
    public MailTemplate resolve(String code, String language) {
        return find(code, language)
                .or(() -> find(code, defaultLanguage))
                .orElseThrow(() -> new IllegalStateException("No mail template " + code));
    }

    /** The template in exactly this language, the shop's own before the shipped one. */
    public Optional<MailTemplate> find(String code, String language) {
        return saved(code, language).or(() -> shipped(code, language));
    }

    /** Whether the shop saved its own version of the template in this language. */
    public boolean isEdited(String code, String language) {
        return saved(code, language).isPresent();
    }

    /** Every template code known, shipped or saved. */
    public List<String> codes() {
        TreeSet<String> codes = new TreeSet<>(jdbc.sql("select distinct code from mail_template")
                .query(String.class)
                .list());
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
        return List.copyOf(codes);
    }

    /**
     * Stores the shop's own version of a template. Callers check it with {@link TemplateValidator}
     * first: this only writes.
     */
    public void store(String code, String language, MailTemplate template, String by) {
        jdbc.sql("""
                        insert into mail_template (code, language, subject, text_body, html_body, updated_by)
                        values (:code, :language, :subject, :text, :html, :by)
                        on conflict (code, language) do update
                           set subject = excluded.subject, text_body = excluded.text_body,
                               html_body = excluded.html_body, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("code", code)
                .param("language", language)
                .param("subject", template.subject())
                .param("text", template.textBody())
                .param("html", template.htmlBody())
                .param("by", by)
                .update();
    }

    private Optional<MailTemplate> saved(String code, String language) {
        return jdbc.sql("""
                        select subject, text_body, html_body from mail_template where code = :code and language = :language
                        """)
                .param("code", code)
                .param("language", language)
                .query((rs, i) -> new MailTemplate(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private Optional<MailTemplate> shipped(String code, String language) {
        if (!LANGUAGES.contains(language) || !code.matches("[a-z0-9][a-z0-9-]{1,62}")) {
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
            throw new RenderFailed(part, describe(e), e);
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
