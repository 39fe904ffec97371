package com.aftercare.web.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout's language links keep, so that switching language shows the same page: on a
 * page opened by GET, every query parameter it was opened with (a portal form's token and request
 * type, a console filter), without {@code lang} itself, still encoded as it came.
 */
@ControllerAdvice(basePackages = {"com.aftercare.web.console", "com.aftercare.web.portal"})
class LanguageLinks {

    /** The query to keep, ending in {@code &} when not empty. */
    @ModelAttribute("languageQuery")
    String languageQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (!"GET".equals(request.getMethod()) || query == null || query.isEmpty()) {
            return "";
        }
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>(
                UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams());
        kept.remove("lang");
        String rebuilt =
                UriComponentsBuilder.newInstance().queryParams(kept).build().getQuery();
        return rebuilt == null || rebuilt.isEmpty() ? "" : rebuilt + "&";
    }
}
