package com.aftercare.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error dispatch ({@code /error}), in place of Boot's: whatever failed or was
 * refused outside a controller (the firewall, an unreadable request, an exception in a filter)
 * answers the API's caller with a problem and a person with a page in their language that says
 * why, when the refusal said so ({@link ProblemWriter#refuse}).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages implements ErrorController {

    /** Request attribute: message key of the page's explanation. */
    static final String REASON_KEY = ErrorPages.class.getName() + ".reasonKey";

    /** Request attribute: the refusal in English, the API problem's detail. */
    static final String DETAIL = ErrorPages.class.getName() + ".detail";

    private final ProblemWriter problems;

    ErrorPages(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (ProblemWriter.isApi(path, request.getContextPath())) {
            problems.write(path, response, status, status.getReasonPhrase(), detail(request, status));
            return null;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        Object reason = request.getAttribute(REASON_KEY);
        if (reason != null) {
            model.put("reasonKey", reason);
        }
        return new ModelAndView(view(status), model, status);
    }

    private static String view(HttpStatus status) {
        if (status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND) {
            return "error/" + status.value();
        }
        return status.is4xxClientError() ? "error/4xx" : "error/5xx";
    }

    private static String detail(HttpServletRequest request, HttpStatus status) {
        Object detail = request.getAttribute(DETAIL);
        if (detail != null) {
            return detail.toString();
        }
        return status.is5xxServerError()
                ? "Something went wrong on our side; nothing was changed"
                : "The request was refused before it reached the API";
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
