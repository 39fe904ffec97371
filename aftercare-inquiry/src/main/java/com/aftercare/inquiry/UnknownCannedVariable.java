package com.aftercare.inquiry;

import com.aftercare.domain.shared.InvalidValue;

/** A canned response names a variable that does not exist ({@code {{orderNo}}} for {@code {{orderNumber}}}). */
public class UnknownCannedVariable extends InvalidValue {

    private final String name;

    UnknownCannedVariable(String field, String name) {
        super(field, "names an unknown variable {{" + name + "}}");
        this.name = name;
    }

    /** The name as written between the braces. */
    public String name() {
        return name;
    }

    @Override
    public String code() {
        return "unknownVariable";
    }

    @Override
    public Object[] messageArguments() {
        return new Object[] {name};
    }
}
