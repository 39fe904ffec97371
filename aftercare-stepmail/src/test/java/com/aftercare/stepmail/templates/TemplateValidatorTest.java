package com.aftercare.stepmail.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.stepmail.templates.TemplateValidator.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template checks at save time, without Spring: the engine and the declared variables only. */
class TemplateValidatorTest {

    private final MailTemplates templates = new MailTemplates(null, "ja");
    private final TemplateValidator validator = new TemplateValidator(templates);

    private List<Problem> check(String subject, String text, String html) {
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
    void shouldOfferTheClaimRmaAndTheInquiryReferenceOnlyToTheirOwnTriggers() {
        MailTemplate claim = new MailTemplate("[(${claimRma})]", "[(${orderNumber})] [(${claimRma})]", null);
        MailTemplate inquiry =
                new MailTemplate("[(${inquiryReference})]", "[(${orderNumber})] [(${inquiryReference})]", null);

        assertThat(validator.check(claim, TemplateVariables.forTrigger("claim.resolved", false)))
                .isEmpty();
        assertThat(validator.check(inquiry, TemplateVariables.forTrigger("inquiry.resolved", true)))
                .isEmpty();
        assertThat(validator.check(claim, TemplateVariables.forTrigger("order.delivered", false)))
                .extracting(Problem::message)
                .isNotEmpty()
                .allMatch(m -> m.startsWith("unknown variable claimRma"));
        assertThat(validator.check(inquiry, TemplateVariables.forTrigger("claim.resolved", false)))
                .extracting(Problem::message)
                .isNotEmpty()
                .allMatch(m -> m.startsWith("unknown variable inquiryReference"));
    }

    @Test
    void shouldNameAnUnknownVariableEvenInABranchTheSampleDataNeverTakes() {
        List<Problem> problems = check("件名", "[# th:if=\"${discreet}\"][(${couponCode})][/]", null);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("textBody");
            assertThat(p.message()).startsWith("unknown variable couponCode");
        });
    }

    @Test
    void shouldRefuseAnUnknownVariableInTheSubjectAndInTheHtmlPart() {
        assertThat(check("[(${secret})]", "本文", "<p>[[${nope.name}]]</p>"))
                .extracting(Problem::field)
                .containsExactly("subject", "htmlBody");
    }

    @Test
    void shouldReportAnExpressionSyntaxErrorWithItsLine() {
        List<Problem> problems = check("件名", "一行目\n[(${customerName +})]", null);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("textBody");
            assertThat(p.message()).contains("syntax error").contains("line 2");
        });
    }

    @Test
    void shouldReportAnUnclosedBlockFoundByRendering() {
        List<Problem> problems = check("件名", "[# th:if=\"${discreet}\"]閉じていない", null);

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("textBody"));
    }

    @Test
    void shouldRefuseEmptyPartsTypesAndUnescapedHtml() {
        assertThat(check(" ", "", null)).extracting(Problem::field).containsExactly("subject", "textBody");
        assertThat(check("件名", "[(${T(java.lang.Runtime).getRuntime()})]", null))
                .anySatisfy(p -> assertThat(p.message()).startsWith("not allowed"));
        assertThat(check("件名", "本文", "<p>[(${customerName})]</p>"))
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("htmlBody"));
    }

    @Test
    void shouldAcceptPromotionalVariablesOnlyForPromotionalSteps() {
        MailTemplate template = new MailTemplate("件名", "[(${unsubscribeUrl})]", null);

        assertThat(validator.check(template, TemplateVariables.forTrigger("order.delivered", true)))
                .isEmpty();
        assertThat(validator.check(template, TemplateVariables.forTrigger("order.delivered", false)))
                .isNotEmpty();
        assertThat(validator.check(
                        new MailTemplate("件名", "[(${orderNumber})]", null),
                        TemplateVariables.forTrigger("customer.registered", false)))
                .isNotEmpty();
    }

    @Test
    void shouldRenderBothPartsAndEscapeTheCustomerNameInHtml() {
        MailTemplates.Rendered rendered = templates.render(
                new MailTemplate("[(${customerName})] 様", "[(${customerName})]", "<p>[[${customerName}]]</p>"),
                Map.of("customerName", "<b>花子</b>"));

        assertThat(rendered.subject()).isEqualTo("<b>花子</b> 様");
        assertThat(rendered.html()).isEqualTo("<p>&lt;b&gt;花子&lt;/b&gt;</p>");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} in {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "order-thanks, ja, false", "order-thanks, en, false",
        "shipping-notice, ja, false", "shipping-notice, en, false",
        "arrival-check, ja, false", "arrival-check, en, false",
        "anything-wrong, ja, false", "anything-wrong, en, false",
        "usage-tips, ja, false", "usage-tips, en, false",
        "review-request, ja, true", "review-request, en, true",
        "repeat-coupon, ja, true", "repeat-coupon, en, true",
    })
    void shouldPassEveryShippedTemplateInEveryLanguage(String code, String language, boolean promotional) {
        MailTemplate template = templates.shipped(code, language).orElseThrow();

        assertThat(validator.check(template, TemplateVariables.forTrigger("order.delivered", promotional)))
                .isEmpty();
        assertThat(templates.render(template, TemplateVariables.ORDER.samples()).subject())
                .contains("Aftercare デモショップ")
                .doesNotContain("[");
    }
}
