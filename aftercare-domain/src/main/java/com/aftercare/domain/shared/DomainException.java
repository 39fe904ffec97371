package com.aftercare.domain.shared;

/**
 * A rule of the domain was broken by the caller's input. Each area maps these to its own answer:
 * the API to an RFC 9457 problem, the console to a message on the form. Never a 500.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
