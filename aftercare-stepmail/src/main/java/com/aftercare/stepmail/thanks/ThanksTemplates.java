package com.aftercare.stepmail.thanks;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Plain-text mail templates under {@code mail/ja/}, rendered with Thymeleaf's TEXT mode. Kept
 * apart from the web's HTML engine so mail templates never pick up page layouts.
 */
@Component
class ThanksTemplates {

    // SpEL, not OGNL: Spring's engine is the one whose expression language is on the classpath.
    private final TemplateEngine engine = new SpringTemplateEngine();

    ThanksTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/ja/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    TemplateEngine engine() {
        return engine;
    }
}
