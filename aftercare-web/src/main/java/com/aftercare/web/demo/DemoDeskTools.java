package com.aftercare.web.demo;

import com.aftercare.inquiry.AutomationActions;
import com.aftercare.inquiry.AutomationConditions;
import com.aftercare.inquiry.AutomationTrigger;
import com.aftercare.inquiry.Automations;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Macros;
import com.aftercare.inquiry.Priority;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: the desk's tools as a shop would have written them, so a first look at the
 * reply box, the macro menu and the automations page shows them at work: canned responses for the
 * questions the demo customers ask, a macro that answers a return and waits for the customer, and
 * an automation that raises an inquiry mentioning a fault. Written after the demo's history (its
 * told inquiries keep their story), each kind only while the shop has none of it.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoDeskTools implements ApplicationRunner {

    private static final String DEMO = "demo";

    private final CannedResponses canned;
    private final Macros macros;
    private final Automations automations;

    DemoDeskTools(CannedResponses canned, Macros macros, Automations automations) {
        this.canned = canned;
        this.macros = macros;
        this.automations = automations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (canned.all().isEmpty()) {
            seedCannedResponses();
        }
        if (macros.all().isEmpty()) {
            macros.create(
                    new Macros.Draft(
                            "返品の受付（ご返信待ち）",
                            returnsAnswer(),
                            Macros.StatusStep.WAITING_ON_CUSTOMER,
                            null,
                            "返品",
                            true,
                            null),
                    DEMO);
        }
        if (automations.all().isEmpty()) {
            automations.create(
                    new Automations.Draft(
                            "不具合の申し出は優先度を上げる",
                            true,
                            AutomationTrigger.CREATED,
                            new AutomationConditions(null, null, null, null, null, "壊れ、破損、不良、故障、動かない", null, null),
                            new AutomationActions(Priority.HIGH, null, null, "不具合", null, null, false)),
                    DEMO);
        }
    }

    private void seedCannedResponses() {
        canned.create(new CannedResponses.Draft("発送状況のご案内", """
                        {{customerName}} 様

                        お問い合わせありがとうございます。ご注文 {{orderNumber}} は発送済みです。
                        配送状況は次のページからご確認いただけます。
                        {{trackingLink}}

                        {{shopName}}""", Category.SHIPPING, "ja"), DEMO);
        canned.create(new CannedResponses.Draft("返品のご案内", """
                        {{customerName}} 様

                        ご連絡ありがとうございます。お届けから30日以内の未使用品は返品を承ります。
                        お手数ですが、注文番号 {{orderNumber}} とご希望（返金・交換）をお知らせください。
                        返送用の伝票をお送りいたします。

                        {{shopName}}""", Category.RETURN, "ja"), DEMO);
        canned.create(new CannedResponses.Draft("領収書の発行", """
                        {{customerName}} 様

                        領収書はPDFでお送りいたします。宛名（会社名・個人名）をご返信ください。
                        （お問い合わせ番号 {{reference}}）

                        {{shopName}}""", Category.PAYMENT, "ja"), DEMO);
    }

    /** The shop's answer to a return question, for the macro; none when it was deleted. */
    private Long returnsAnswer() {
        return canned.all().stream()
                .filter(answer -> answer.category() == Category.RETURN)
                .map(CannedResponses.CannedResponseView::id)
                .findFirst()
                .orElse(null);
    }
}
