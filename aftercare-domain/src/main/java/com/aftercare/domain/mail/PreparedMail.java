package com.aftercare.domain.mail;

/**
 * A mail rendered as the pipeline would queue it, not queued: {@code request} carries the headers
 * the pipeline added (a promotional mail's opt-out headers), {@code mail} the words with the
 * footer and the storefront's signature.
 */
public record PreparedMail(MailRequest request, RenderedMail mail) {}
