package com.aftercare.domain.mail;

/** A template rendered with its variables; {@code html} is null for a plain-text-only template. */
public record RenderedMail(String subject, String text, String html) {}
