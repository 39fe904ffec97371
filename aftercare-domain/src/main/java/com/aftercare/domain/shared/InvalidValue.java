package com.aftercare.domain.shared;

/** A value object refused what it was given; {@link #field()} names the input it came from. */
public class InvalidValue extends DomainException implements FieldRefusal {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }

    /**
     * The reason in the domain's words, which a form's message may show as {@code {0}} (a template
     * refused for its line and variable). Messages are formatted: an apostrophe is written {@code ''}.
     */
    @Override
    public Object[] messageArguments() {
        return new Object[] {getMessage()};
    }

    /** The same complaint about a field nested under {@code prefix}, e.g. {@code order.lines[2]}. */
    public InvalidValue within(String prefix) {
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return new InvalidValue(prefix + "." + last, getMessage());
    }
}
