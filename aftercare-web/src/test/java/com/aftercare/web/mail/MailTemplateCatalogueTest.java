package com.aftercare.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailSample;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.stepmail.templates.StepVariables;
import com.aftercare.web.support.AftercareIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every mail the product sends is a template the shop can edit, shipped in Japanese and English,
 * valid against what that mail really gets, and naming no product for a discreet order
 * (家族にもばれたくない) in subject, text or HTML. Checked on the shipped versions, with each module's
 * own variable builder run on a sample order.
 */
@AftercareIntegrationTest
class MailTemplateCatalogueTest {

    /** The product mails every module sends under its own code; a new one must be added here and shipped. */
    private static final Set<String> DECLARED =
            Set.of("order-thanks", "portal-access", "inquiry-reply", "inquiry-csat");

    /** The step-mail templates shipped for choosing, and which of them are promotional. */
    private static final Set<String> SHIPPED_STEP_TEMPLATES = Set.of(
            "shipping-notice", "arrival-check", "anything-wrong", "usage-tips", "review-request", "repeat-coupon");

    private static final Set<String> PROMOTIONAL_STEP_TEMPLATES = Set.of("review-request", "repeat-coupon");

    @Autowired
    MailTemplateCatalogue catalogue;

    @Test
    void shouldListEveryMailOfTheProduct() {
        List<String> codes = catalogue.entries().stream()
                .map(MailTemplateCatalogue.Entry::code)
                .toList();

        assertThat(codes).containsAll(DECLARED).containsAll(SHIPPED_STEP_TEMPLATES);
        assertThat(catalogue.freeTemplates())
                .containsAll(SHIPPED_STEP_TEMPLATES)
                .doesNotContainAnyElementsOf(DECLARED);
    }

    @Test
    void shouldShipEveryDeclaredMailInJapaneseAndEnglishValidAgainstItsVariables() {
        List<String> problems = new ArrayList<>();
        for (String code : DECLARED) {
            for (String language : MailTemplate.LANGUAGES) {
                catalogue
                        .shipped(code, language)
                        .ifPresentOrElse(
                                t -> catalogue.check(code, t).forEach(p -> problems.add(describe(code, language, p))),
                                () -> problems.add(code + "/" + language + ": not shipped"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldShipEveryStepTemplateInBothLanguagesValidForADeliveredOrder() {
        List<String> problems = new ArrayList<>();
        for (String code : SHIPPED_STEP_TEMPLATES) {
            boolean promotional = PROMOTIONAL_STEP_TEMPLATES.contains(code);
            for (String language : MailTemplate.LANGUAGES) {
                MailTemplate shipped = catalogue.shipped(code, language).orElseThrow(() -> new AssertionError(code));
                catalogue
                        .check(shipped, StepVariables.forTrigger("order.delivered", promotional))
                        .forEach(p -> problems.add(describe(code, language, p)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldNameNoProductInAnyMailOfADiscreetOrder() {
        List<String> leaks = new ArrayList<>();
        for (String code : allCodes()) {
            for (String language : MailTemplate.LANGUAGES) {
                MailTemplate shipped = catalogue.shipped(code, language).orElseThrow(() -> new AssertionError(code));
                RenderedMail mail = catalogue.preview(code, shipped, language, true);
                if (names(mail, MailSample.PRODUCT_NAME) || names(mail, MailSample.SKU)) {
                    leaks.add(code + "/" + language);
                }
            }
        }
        assertThat(leaks).as("mails naming the product of a discreet order").isEmpty();
    }

    @Test
    void shouldNameTheProductOfAnOrdinaryOrderWhereTheMailListsIt() {
        // the check above can fail: the same previews of an ordinary order do show the product
        for (String code : List.of("order-thanks", "shipping-notice", "claim-requested", "claim-refunded")) {
            for (String language : MailTemplate.LANGUAGES) {
                MailTemplate shipped = catalogue.shipped(code, language).orElseThrow();
                assertThat(catalogue.preview(code, shipped, language, false).text())
                        .as(code + "/" + language)
                        .contains(MailSample.PRODUCT_NAME);
            }
        }
    }

    @Test
    void shouldRefuseAReplyTemplateWithoutTheReferenceItsAnswersAreThreadedBy() {
        MailTemplate withoutReference = new MailTemplate("Re: [(${inquirySubject})]", "[(${replyBody})]", null);

        assertThat(catalogue.check("inquiry-reply", withoutReference))
                .extracting(FieldProblem::field)
                .containsExactly(MailTemplate.SUBJECT);
        assertThat(catalogue.declaration("inquiry-reply").kind()).isEqualTo(MailKind.TRANSACTIONAL);
    }

    private static Iterable<String> allCodes() {
        return Stream.concat(DECLARED.stream(), SHIPPED_STEP_TEMPLATES.stream())
                .sorted()
                .toList();
    }

    private static boolean names(RenderedMail mail, String text) {
        return mail.subject().contains(text)
                || mail.text().contains(text)
                || (mail.html() != null && mail.html().contains(text));
    }

    private static String describe(String code, String language, FieldProblem problem) {
        return code + "/" + language + " " + problem.field() + ": " + problem.message();
    }
}
