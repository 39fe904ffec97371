package com.aftercare.domain.shared;

/** One complaint about one input field ({@code subject}, {@code trigger}, {@code delayAmount}, …). */
public record FieldProblem(String field, String message) {}
