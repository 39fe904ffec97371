package com.aftercare.web.console;

import com.aftercare.web.problem.ProblemWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * People get Japanese first; {@code ?lang=en} switches a browser to English and remembers it in a
 * cookie. The storefront API always speaks English (its validation messages are for developers,
 * and documented that way) and ignores {@code lang}.
 *
 * <p>Only {@code ja} and {@code en} are languages here: any other {@code lang} (a typo,
 * {@code ..%2F..}) is refused with a 400 page saying which ones exist, in the language the person
 * already had. A language cookie that is not a locale at all is ignored (Japanese), not refused:
 * it would otherwise lock the person out of every page until they found how to delete it.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocaleConfiguration implements WebMvcConfigurer {

    /** The {@code lang} values the pages take, and the locale each stands for. */
    static final Map<String, Locale> LANGUAGES = Map.of("ja", Locale.JAPANESE, "en", Locale.ENGLISH);

    private final ProblemWriter problems;

    ConsoleLocaleConfiguration(ProblemWriter problems) {
        this.problems = problems;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver people = new CookieLocaleResolver("aftercare-lang");
        people.setDefaultLocale(Locale.JAPANESE);
        people.setCookieMaxAge(Duration.ofDays(365));
        people.setRejectInvalidCookies(false);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return isApi(request) ? Locale.ENGLISH : people.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                if (!isApi(request)) {
                    people.setLocale(request, response, locale);
                }
            }
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        return ProblemWriter.isApi(request.getRequestURI(), request.getContextPath());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch()).excludePathPatterns("/api/**");
    }

    /** {@code ?lang=}: one of {@link #LANGUAGES}, remembered; anything else refused. */
    private final class LanguageSwitch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            String lang = request.getDispatcherType() == DispatcherType.ERROR ? null : request.getParameter("lang");
            if (lang == null) {
                return true;
            }
            Locale locale = LANGUAGES.get(lang);
            if (locale == null) {
                problems.refuse(
                        request,
                        response,
                        HttpStatus.BAD_REQUEST,
                        "Unknown language",
                        "lang: must be ja or en",
                        "error.language.text");
                return false;
            }
            RequestContextUtils.getLocaleResolver(request).setLocale(request, response, locale);
            return true;
        }
    }
}
