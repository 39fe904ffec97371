package com.aftercare.domain.mail.templates;

import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.Rejected;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.stereotype.Component;

/**
 * Checks a mail template when it is saved, not when it is sent: every part must parse and render
 * with Thymeleaf, and every variable it names must be one the caller declared. The one validator
 * for every template editor (step mail, newsletters, packing inserts): each passes its own
 * {@link TemplateVariables}.
 *
 * <p>Two checks, because rendering alone only evaluates the branches its sample data takes: the
 * render finds structural errors (an unclosed {@code [# th:if]}), and a walk over every
 * {@code ${…}} expression finds syntax errors and unknown names in every branch.
 */
@Component
public class TemplateValidator {

    private static final int MAX_SUBJECT = 200;
    private static final int MAX_BODY = 100_000;
    private static final Pattern EXPRESSION = Pattern.compile("[$*]\\{([^{}]*)}");
    private static final Pattern EACH =
            Pattern.compile("th:each\\s*=\\s*\"\\s*([A-Za-z_]\\w*)\\s*(?:,\\s*([A-Za-z_]\\w*)\\s*)?:");
    private static final Pattern WITH = Pattern.compile("th:with\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern WITH_NAME = Pattern.compile("(?:^|,)\\s*([A-Za-z_]\\w*)\\s*=");
    private static final Pattern UNESCAPED = Pattern.compile("\\[\\(|th:utext");

    private final MailTemplates templates;
    private final SpelExpressionParser parser = new SpelExpressionParser();

    TemplateValidator(MailTemplates templates) {
        this.templates = templates;
    }

    /** Every problem of the template, empty when it may be saved. */
    public List<FieldProblem> check(MailTemplate template, TemplateVariables variables) {
        List<FieldProblem> problems = new ArrayList<>();
        checkPart(MailTemplate.SUBJECT, template.subject(), MAX_SUBJECT, variables, problems);
        checkPart(MailTemplate.TEXT_BODY, template.textBody(), MAX_BODY, variables, problems);
        if (template.hasHtml()) {
            checkPart(MailTemplate.HTML_BODY, template.htmlBody(), MAX_BODY, variables, problems);
            if (UNESCAPED.matcher(template.htmlBody()).find()) {
                // a customer's name like <b>… must show as text, never become markup in their mail
                problems.add(new FieldProblem(
                        MailTemplate.HTML_BODY, "use [[${…}]] or th:text in HTML, not [(${…})] or th:utext"));
            }
        }
        if (problems.isEmpty()) {
            try {
                RenderedMail rendered = templates.render(template, variables.samples());
                if (rendered.subject().isBlank() || rendered.subject().contains("\n")) {
                    problems.add(
                            new FieldProblem(MailTemplate.SUBJECT, "the subject must render to one non-empty line"));
                }
            } catch (Rejected e) {
                problems.addAll(e.problems());
            }
        }
        return problems;
    }

    private void checkPart(
            String field, String source, int max, TemplateVariables variables, List<FieldProblem> problems) {
        if (source == null || source.isBlank()) {
            problems.add(new FieldProblem(field, "must not be empty"));
            return;
        }
        if (source.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return;
        }
        Set<String> known = new HashSet<>(variables.names());
        known.addAll(localNames(source));
        Set<String> unknown = new LinkedHashSet<>();
        Matcher expressions = EXPRESSION.matcher(source);
        while (expressions.find()) {
            String expression = expressions.group(1);
            SpelExpression parsed;
            try {
                parsed = parser.parseRaw(expression);
            } catch (ParseException | IllegalStateException e) {
                problems.add(new FieldProblem(
                        field,
                        "syntax error in ${" + expression + "} (line " + lineOf(source, expressions.start()) + ")"));
                continue;
            }
            Set<String> refused = new LinkedHashSet<>();
            rootNames(parsed.getAST(), false, unknown, refused);
            refused.forEach(r -> problems.add(new FieldProblem(field, "not allowed in a template: " + r)));
        }
        unknown.removeAll(known);
        for (String name : unknown) {
            problems.add(new FieldProblem(
                    field,
                    "unknown variable " + name + " (known: " + String.join(", ", sorted(variables.names())) + ")"));
        }
    }

    /**
     * Collects the names the expression looks up on the root (the template's variables), not on
     * another value, and refuses what reaches beyond the variables (types, constructors, beans).
     */
    private static void rootNames(SpelNode node, boolean continuation, Set<String> names, Set<String> refused) {
        if (node instanceof TypeReference || node instanceof ConstructorReference || node instanceof BeanReference) {
            refused.add(node.toStringAST());
            return;
        }
        if (node instanceof Selection || node instanceof Projection) {
            return; // their insides name the elements' properties
        }
        if (!continuation) {
            if (node instanceof PropertyOrFieldReference property) {
                names.add(property.getName());
            } else if (node instanceof MethodReference method) {
                names.add(method.getName());
            }
        }
        boolean compound = node instanceof CompoundExpression;
        for (int i = 0; i < node.getChildCount(); i++) {
            // in a.b.c only a is looked up on the root; a method's arguments are, again
            rootNames(node.getChild(i), compound && i > 0, names, refused);
        }
    }

    /** Iteration and {@code th:with} variables the template declares for itself. */
    private static Set<String> localNames(String source) {
        Set<String> names = new HashSet<>();
        Matcher each = EACH.matcher(source);
        while (each.find()) {
            names.add(each.group(1));
            names.add(each.group(1) + "Stat");
            if (each.group(2) != null) {
                names.add(each.group(2));
            }
        }
        Matcher with = WITH.matcher(source);
        while (with.find()) {
            Matcher name = WITH_NAME.matcher(with.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static int lineOf(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
