package com.aftercare.domain.shared;

/**
 * A refusal that belongs to one input field, so a form can show it under that field and an API
 * can name it in its problem. {@link #code()} is the kind of refusal ({@code invalid},
 * {@code exists}, …), which the console turns into the message key {@code <code>.<field>}.
 */
public interface FieldRefusal {

    String field();

    default String code() {
        return "invalid";
    }

    /** Values the message shows ({@code {0}}, …); none by default. */
    default Object[] messageArguments() {
        return new Object[0];
    }
}
