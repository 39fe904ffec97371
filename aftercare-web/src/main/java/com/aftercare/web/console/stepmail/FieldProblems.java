package com.aftercare.web.console.stepmail;

import com.aftercare.domain.shared.FieldProblem;
import java.util.List;
import org.springframework.validation.BindingResult;

/**
 * Puts the editor's refusals on the form's fields. The message key names the field
 * ({@code stepmail.invalid.delayAmount}); the editor's own words (the line of a template error,
 * the unknown variable) come along as its argument.
 */
final class FieldProblems {

    private FieldProblems() {}

    static void reject(BindingResult errors, List<FieldProblem> problems, List<String> fields) {
        for (FieldProblem problem : problems) {
            String field = fields.contains(problem.field()) ? problem.field() : fields.get(0);
            errors.rejectValue(field, "stepmail.invalid." + field, new Object[] {problem.message()}, problem.message());
        }
    }
}
