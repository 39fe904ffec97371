package com.aftercare.domain.shared;

import java.util.List;

/**
 * A change refused for several reasons at once, field by field (a template with two unknown
 * variables, a scenario step with a bad delay and a bad template); nothing was written. A form
 * shows each problem under its field.
 */
public class Rejected extends DomainException {

    private final List<FieldProblem> problems;

    public Rejected(List<FieldProblem> problems) {
        super("Refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public static Rejected of(String field, String message) {
        return new Rejected(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
