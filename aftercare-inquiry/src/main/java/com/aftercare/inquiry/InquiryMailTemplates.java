package com.aftercare.inquiry;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailSample;
import com.aftercare.domain.mail.MailTemplateDeclaration;
import com.aftercare.domain.mail.MailTemplateUse;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.shop.ShopProperties;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The inquiry desk's mails as the mail pipeline's catalogue lists them: the operator's reply,
 * the satisfaction survey, the automations' notices to the customer and the staff alerts. Every mail to a customer must show the reference tag in its
 * subject: a customer's answer without threading headers finds its inquiry by it.
 */
@Component
class InquiryMailTemplates implements MailTemplateUse {

    private static final String GROUP = "mail.group.inquiries";
    private static final String SAMPLE_REFERENCE = "INQ-2026-000456";
    private static final String SAMPLE_LINK = "https://shop.example/portal/csat?token=sample";
    private static final String SAMPLE_SUBJECT = "サイズ交換について";
    private static final String SAMPLE_STAFF = "佐藤 主任";
    private static final String SAMPLE_RULE = "SLA期限の1時間前に通知";
    private static final String SAMPLE_DUE = "2026-11-24 10:00";
    private static final String SAMPLE_CONSOLE_LINK = "https://shop.example/console/inquiries/" + SAMPLE_REFERENCE;

    private static final String SAMPLE_VISIT = "2026-11-25 10:00–12:00";
    private static final String SAMPLE_PLACE = "東京都千代田区丸の内1-1-1";
    private static final String SAMPLE_CHANGE_LINK = "https://shop.example/portal/visit?token=sample";

    private final ShopProperties shop;

    InquiryMailTemplates(ShopProperties shop) {
        this.shop = shop;
    }

    @Override
    public List<MailTemplateDeclaration> declarations() {
        return List.of(
                new MailTemplateDeclaration(
                        ReplyMail.TEMPLATE,
                        GROUP,
                        MailKind.TRANSACTIONAL,
                        new TemplateVariables(ReplyMail.variables(
                                "サイズ交換について", SAMPLE_REFERENCE, "お問い合わせありがとうございます。", "山田 花子", "Aftercare デモショップ")),
                        this::reply,
                        List.of("referenceTag")),
                new MailTemplateDeclaration(
                        SatisfactionSurvey.TEMPLATE,
                        GROUP,
                        MailKind.TRANSACTIONAL,
                        new TemplateVariables(SatisfactionSurvey.variables(
                                "山田 花子", SAMPLE_REFERENCE, SAMPLE_LINK, "Aftercare デモショップ")),
                        sample -> SatisfactionSurvey.variables(
                                sample.customer().name(), SAMPLE_REFERENCE, SAMPLE_LINK, shop.name()),
                        List.of("referenceTag")),
                new MailTemplateDeclaration(
                        VisitConfirmation.TEMPLATE,
                        GROUP,
                        MailKind.TRANSACTIONAL,
                        new TemplateVariables(VisitConfirmation.variables(
                                "山田 花子",
                                SAMPLE_REFERENCE,
                                SAMPLE_VISIT,
                                SAMPLE_PLACE,
                                SAMPLE_CHANGE_LINK,
                                "Aftercare デモショップ")),
                        sample -> VisitConfirmation.variables(
                                sample.customer().name(),
                                SAMPLE_REFERENCE,
                                SAMPLE_VISIT,
                                SAMPLE_PLACE,
                                SAMPLE_CHANGE_LINK,
                                shop.name()),
                        List.of("referenceTag")),
                customerNotice(AutomationActions.CustomerNotice.WAITING_REMINDER),
                customerNotice(AutomationActions.CustomerNotice.CLOSED_AFTER_WAITING),
                new MailTemplateDeclaration(
                        DeskMails.AUTOMATION_ALERT,
                        GROUP,
                        MailKind.TRANSACTIONAL,
                        new TemplateVariables(DeskMails.alertVariables(
                                SAMPLE_STAFF, SAMPLE_RULE, SAMPLE_REFERENCE, SAMPLE_SUBJECT, SAMPLE_CONSOLE_LINK)),
                        sample -> DeskMails.alertVariables(
                                SAMPLE_STAFF, SAMPLE_RULE, SAMPLE_REFERENCE, SAMPLE_SUBJECT, SAMPLE_CONSOLE_LINK),
                        List.of()),
                new MailTemplateDeclaration(
                        DeskMails.SLA_BREACHED,
                        GROUP,
                        MailKind.TRANSACTIONAL,
                        new TemplateVariables(DeskMails.breachVariables(
                                SAMPLE_STAFF, SAMPLE_REFERENCE, SAMPLE_SUBJECT, true, SAMPLE_DUE, SAMPLE_CONSOLE_LINK)),
                        sample -> DeskMails.breachVariables(
                                SAMPLE_STAFF, SAMPLE_REFERENCE, SAMPLE_SUBJECT, true, SAMPLE_DUE, SAMPLE_CONSOLE_LINK),
                        List.of()));
    }

    /** A mail an automation sends the customer: like the reply, it must carry the reference tag. */
    private MailTemplateDeclaration customerNotice(AutomationActions.CustomerNotice notice) {
        return new MailTemplateDeclaration(
                notice.template(),
                GROUP,
                MailKind.TRANSACTIONAL,
                new TemplateVariables(
                        DeskMails.customerVariables("山田 花子", SAMPLE_REFERENCE, SAMPLE_SUBJECT, "Aftercare デモショップ")),
                sample -> DeskMails.customerVariables(
                        sample.customer().name(), SAMPLE_REFERENCE, SAMPLE_SUBJECT, shop.name()),
                List.of("referenceTag"));
    }

    private Map<String, Object> reply(MailSample sample) {
        String body = "ja".equals(sample.language())
                ? "お問い合わせありがとうございます。ご注文 " + sample.order().number() + " の件、確認いたしました。"
                : "Thank you for your message. We have looked into your order "
                        + sample.order().number() + ".";
        return ReplyMail.variables(
                "ja".equals(sample.language()) ? "ご注文について" : "About my order",
                SAMPLE_REFERENCE,
                body,
                sample.customer().name(),
                shop.name());
    }
}
