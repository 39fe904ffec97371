package com.aftercare.web.portal;

import com.aftercare.domain.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Portal failures as the customer's pages, never the API's JSON problem or the console's page. */
@ControllerAdvice(basePackages = "com.aftercare.web.portal")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    @ExceptionHandler(PortalLinkInvalid.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String linkInvalid() {
        return PortalViews.LINK_INVALID;
    }

    /** Unknown, or another order's: the same page. A malformed photo key names nothing either. */
    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return PortalViews.NOT_FOUND;
    }
}
