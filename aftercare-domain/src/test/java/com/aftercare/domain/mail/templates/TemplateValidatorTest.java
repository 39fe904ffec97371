package com.aftercare.domain.mail.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.shared.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template checks at save time, without Spring: the engine and the declared variables only. */
class TemplateValidatorTest {

    private final MailTemplates templates = new MailTemplates(null, "ja");
    private final TemplateValidator validator = new TemplateValidator(templates);

    private List<FieldProblem> check(String subject, String text, String html) {
        return validator.check(new MailTemplate(subject, text, html), TemplateVariables.ORDER);
    }

    @Test
    void shouldAcceptATemplateUsingDeclaredVariablesLoopsAndConditions() {
        assertThat(
                        check(
                                "【[(${shopName})]】ご注文 [(${orderNumber})]",
                                """
                        [(${customerName})] 様
                        [# th:unless="${discreet}"][# th:each="line, s : ${lines}"]・[(${line.name})] [(${s.count})]
                        [/][/][# th:if="${trackingNumber != ''}"][(${carrier})][/]
                        """,
                                "<p th:text=\"${customerName}\">name</p><ul><li th:each=\"l : ${lines}\">[[${l.name}]]</li></ul>"))
                .isEmpty();
    }

    @Test
    void shouldNameAnUnknownVariableEvenInABranchTheSampleDataNeverTakes() {
        List<FieldProblem> problems = check("件名", "[# th:if=\"${discreet}\"][(${couponCode})][/]", null);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("textBody");
            assertThat(p.message()).startsWith("unknown variable couponCode");
        });
    }

    @Test
    void shouldRefuseAnUnknownVariableInTheSubjectAndInTheHtmlPart() {
        assertThat(check("[(${secret})]", "本文", "<p>[[${nope.name}]]</p>"))
                .extracting(FieldProblem::field)
                .containsExactly("subject", "htmlBody");
    }

    @Test
    void shouldReportAnExpressionSyntaxErrorWithItsLine() {
        List<FieldProblem> problems = check("件名", "一行目\n[(${customerName +})]", null);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("textBody");
            assertThat(p.message()).contains("syntax error").contains("line 2");
        });
    }

    @Test
    void shouldReportAnUnclosedBlockFoundByRendering() {
        List<FieldProblem> problems = check("件名", "[# th:if=\"${discreet}\"]閉じていない", null);

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("textBody"));
    }

    @Test
    void shouldRefuseEmptyPartsTypesAndUnescapedHtml() {
        assertThat(check(" ", "", null)).extracting(FieldProblem::field).containsExactly("subject", "textBody");
        assertThat(check("件名", "[(${T(java.lang.Runtime).getRuntime()})]", null))
                .anySatisfy(p -> assertThat(p.message()).startsWith("not allowed"));
        assertThat(check("件名", "本文", "<p>[(${customerName})]</p>"))
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("htmlBody"));
    }

    @Test
    void shouldRenderBothPartsAndEscapeTheCustomerNameInHtml() {
        RenderedMail rendered = templates.render(
                new MailTemplate("[(${customerName})] 様", "[(${customerName})]", "<p>[[${customerName}]]</p>"),
                Map.of("customerName", "<b>花子</b>"));

        assertThat(rendered.subject()).isEqualTo("<b>花子</b> 様");
        assertThat(rendered.html()).isEqualTo("<p>&lt;b&gt;花子&lt;/b&gt;</p>");
    }
}
