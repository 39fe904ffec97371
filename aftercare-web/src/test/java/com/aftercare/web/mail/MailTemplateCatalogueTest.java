package com.aftercare.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.MailSample;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.templates.StepVariables;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every mail the product sends is a template the shop can edit, shipped in Japanese and English,
 * valid against what that mail really gets, and naming no product for a discreet order
 * (家族にもばれたくない) in subject, text or HTML. Checked on the shipped versions, with each module's
 * own variable builder run on a sample order.
 */
@AftercareIntegrationTest
class MailTemplateCatalogueTest {

    /**
     * The product mails that must be there at least; the checks below walk every entry of the
     * catalogue, so a mail added later is covered without being listed here.
     */
    private static final Set<String> DECLARED = Set.of(
            "order-thanks",
            "portal-access",
            "inquiry-reply",
            "inquiry-csat",
            "claim-requested",
            "claim-quoted",
            "claim-quote-declined",
            "claim-approved",
            "claim-rejected",
            "claim-awaiting-item",
            "claim-received",
            "claim-inspected",
            "claim-refunded",
            "claim-exchange-shipped",
            "claim-repaired",
            "claim-closed");

    /** The step-mail templates shipped for choosing, and which of them are promotional. */
    private static final Set<String> SHIPPED_STEP_TEMPLATES = Set.of(
            "shipping-notice", "arrival-check", "anything-wrong", "usage-tips", "review-request", "repeat-coupon");

    private static final Set<String> PROMOTIONAL_STEP_TEMPLATES = Set.of("review-request", "repeat-coupon");

    @Autowired
    MailTemplateCatalogue catalogue;

    @Autowired
    Mails mails;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

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
        for (String code : declaredCodes()) {
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
        for (String code : shippedCodes()) {
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
    void shouldRefuseAVersionThatFailsForADiscreetOrderWhenItIsSaved() {
        MailTemplate firstLine = new MailTemplate("件名", "[(${lines[0].name})]", null);

        assertThat(catalogue.check("claim-approved", firstLine))
                .extracting(FieldProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("for a discreet order:"));
    }

    @Test
    void shouldSendTheStandardWordingWhenAStorefrontsVersionDoesNotRenderForTheMail() {
        StorefrontId storefront = TestStorefronts.create(storefronts).id();
        // saved before a check could see it (by SQL here): it fails for a mail without lines
        jdbc.sql("""
                        insert into mail_template (code, language, storefront_id, subject, text_body, updated_by)
                        values ('order-thanks', 'ja', :s, '[(${lines[0].name})]', '本文', 'test')
                        """).param("s", storefront.value()).update();
        String to = Events.unique("fallback") + "@example.jp";
        Map<String, Object> variables = new HashMap<>(TemplateVariables.ORDER.samples());
        variables.put("lines", List.of());

        long id = mails.send(MailRequest.transactional(
                Events.unique("fallback"), "order-thanks", null, null, storefront, to, variables, Instant.now()));

        assertThat(jdbc.sql("select subject from outbound_mail where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("ご注文ありがとうございます");
    }

    @Test
    void shouldRefuseAReplyTemplateWithoutTheReferenceItsAnswersAreThreadedBy() {
        MailTemplate withoutReference = new MailTemplate("Re: [(${inquirySubject})]", "[(${replyBody})]", null);

        assertThat(catalogue.check("inquiry-reply", withoutReference))
                .extracting(FieldProblem::field)
                .containsExactly(MailTemplate.SUBJECT);
        assertThat(catalogue.declaration("inquiry-reply").kind()).isEqualTo(MailKind.TRANSACTIONAL);
    }

    /** Every mail a module sends under its own code, as the catalogue lists it. */
    private List<String> declaredCodes() {
        List<String> free = catalogue.freeTemplates();
        List<String> declared = catalogue.entries().stream()
                .map(MailTemplateCatalogue.Entry::code)
                .filter(code -> !free.contains(code))
                .toList();
        assertThat(declared).containsAll(DECLARED);
        return declared;
    }

    /** Every mail of the catalogue shipped with the application (free templates other tests saved have none). */
    private List<String> shippedCodes() {
        List<String> codes = Stream.concat(
                        declaredCodes().stream(),
                        catalogue.freeTemplates().stream()
                                .filter(code -> catalogue.shipped(code, "ja").isPresent()))
                .sorted()
                .toList();
        assertThat(codes).containsAll(SHIPPED_STEP_TEMPLATES);
        return codes;
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
