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

    /** The same complaint about a field nested under {@code prefix}, e.g. {@code order.lines[2]}. */
    public InvalidValue within(String prefix) {
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return new InvalidValue(prefix + "." + last, getMessage());
    }
}
