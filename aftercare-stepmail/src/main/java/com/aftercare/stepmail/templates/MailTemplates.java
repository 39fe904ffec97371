package com.aftercare.stepmail.templates;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Plain-text mail templates under {@code mail/ja/}, rendered with Thymeleaf's TEXT mode. A
 * template's first line is its subject ({@code Subject: …}); the rest is the body. Kept apart from
 * the web's HTML engine so mail templates never pick up page layouts.
 */
@Component
public class MailTemplates {

    private static final String SUBJECT = "Subject:";

    // SpEL, not OGNL: Spring's engine is the one whose expression language is on the classpath.
    private final TemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/ja/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** A rendered mail. */
    public record Rendered(String subject, String text) {}

    public Rendered render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.JAPAN);
        context.setVariables(variables);
        String output = engine.process(template, context);
        if (!output.startsWith(SUBJECT)) {
            throw new IllegalStateException("Mail template " + template + " must start with a 'Subject:' line");
        }
        int newline = output.indexOf('\n');
        String subject = output.substring(SUBJECT.length(), newline < 0 ? output.length() : newline)
                .strip();
        String text = newline < 0 ? "" : output.substring(newline + 1).stripLeading();
        return new Rendered(subject, text);
    }
}
