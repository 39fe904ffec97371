package com.aftercare.web.api;

import com.aftercare.web.problem.ProblemWriter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** Before security, so an oversized body costs nothing more than its headers. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ProblemWriter problems) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Right after the body limit, which bounds what it reads. */
    @Bean
    FilterRegistrationBean<Utf8Bodies> utf8Bodies(ProblemWriter problems) {
        FilterRegistrationBean<Utf8Bodies> registration = new FilterRegistrationBean<>(new Utf8Bodies(problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /**
     * Strict JSON: "2" is not a quantity and 1.5 is not a whole number. Lenient coercion would
     * hide storefront bugs until they surface as wrong orders.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Bean
    OpenAPI aftercareOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Aftercare storefront API")
                                .version("v1")
                                .description(
                                        "Order and customer events in, orders and customers out. Every error is an RFC 9457 problem."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The storefront's API key: `Authorization: Bearer <key>`")));
    }
}
