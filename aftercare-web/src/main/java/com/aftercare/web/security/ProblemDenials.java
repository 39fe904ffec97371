package com.aftercare.web.security;

import com.aftercare.web.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;

/** How a machine-facing chain (the API, the metrics scrape) says no: a problem, never a login page. */
final class ProblemDenials {

    private ProblemDenials() {}

    static void answer(
            ExceptionHandlingConfigurer<HttpSecurity> exceptions,
            ProblemWriter problems,
            String unauthorized,
            String forbidden) {
        exceptions
                .authenticationEntryPoint((request, response, ex) ->
                        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", unauthorized))
                .accessDeniedHandler((request, response, ex) ->
                        problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", forbidden));
    }
}
