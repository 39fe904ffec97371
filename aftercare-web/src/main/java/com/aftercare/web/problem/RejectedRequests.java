package com.aftercare.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What Spring Security's firewall refuses ({@code //}, {@code ;}, {@code %25}, a backslash or a
 * control character in the path, a method it does not know) gets a 400 that says so: a problem on
 * the API, the error page for people. Its message names the rule, never the request's own text.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final ProblemWriter problems;

    RejectedRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.info("Request refused by the firewall: {}", e.getMessage());
        problems.refuse(
                request, response, HttpStatus.BAD_REQUEST, "Request rejected", e.getMessage(), "error.rejected.text");
    }
}
