package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.OutgoingMail;
import com.aftercare.domain.order.Money;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.RefundAmounts;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The mail a customer gets when their claim moves: a pure function of the claim's view, so wording,
 * discretion and dedup keys are tested without SMTP. One mail per claim and status (dedup key
 * {@code claim:<rma>:<status>}): a retried transition or a second click never mails twice. For an
 * order shipped discreetly (家族にもばれたくない) no product is named, in subject or body.
 */
final class ClaimMail {

    static final String TEMPLATE_PREFIX = "claim-";

    private ClaimMail() {}

    static String dedupKey(String rma, ClaimStatus status) {
        return "claim:" + rma + ":" + status.name();
    }

    /** What the mail needs besides the claim. */
    record Context(CustomerView customer, String orderNumber, boolean discreet, String shopName, String portalUrl) {}

    static OutgoingMail of(ClaimView claim, Context context, Instant now) {
        String kind = typeLabel(claim.type());
        StringBuilder text = new StringBuilder();
        text.append(context.customer().name()).append(" 様\n\n");
        text.append("いつも").append(context.shopName()).append("をご利用いただき、ありがとうございます。\n\n");
        text.append(message(claim, kind)).append("\n\n");
        text.append("■受付番号（RMA）　").append(claim.rma()).append('\n');
        text.append("■ご注文番号　").append(context.orderNumber()).append('\n');
        text.append("■お申し込み内容　").append(kind).append('\n');
        if (context.discreet()) {
            text.append("■対象商品　お客様のご希望により、商品名の記載を控えております。\n");
        } else {
            text.append("■対象商品\n");
            for (ClaimView.Line line : claim.lines()) {
                text.append("　・")
                        .append(line.name())
                        .append("　× ")
                        .append(line.quantity())
                        .append('\n');
            }
        }
        text.append("\nお申し込みの状況は ").append(context.portalUrl()).append(" からご確認いただけます。\n");
        text.append("ご不明な点がございましたら、このメールにご返信ください。\n\n");
        text.append("――――――――――――――――\n").append(context.shopName()).append("\n――――――――――――――――\n");
        String subject = "【" + context.shopName() + "】" + subjectLine(claim.status(), kind) + "（" + claim.rma() + "）";
        return new OutgoingMail(
                dedupKey(claim.rma(), claim.status()),
                MailKind.TRANSACTIONAL,
                TEMPLATE_PREFIX + claim.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                claim.customer().value(),
                claim.order().value(),
                context.customer().email().value(),
                subject,
                text.toString(),
                null,
                Map.of(),
                now);
    }

    static String typeLabel(RequestType type) {
        switch (type) {
            case RETURN:
                return "返品";
            case EXCHANGE:
                return "交換";
            case REFUND_GUARANTEE:
                return "返金保証";
            case WARRANTY_REPAIR:
                return "修理";
            default:
                return "リサイクル回収";
        }
    }

    private static String subjectLine(ClaimStatus status, String kind) {
        switch (status) {
            case REQUESTED:
                return kind + "のお申し込みを受け付けました";
            case QUOTED:
                return "修理のお見積もりをお送りします";
            case QUOTE_DECLINED:
                return "修理のお見積もりを辞退されました";
            case APPROVED:
                return kind + "のお申し込みを承りました";
            case REJECTED:
                return kind + "のお申し込みについてのご連絡";
            case AWAITING_ITEM:
                return "商品のご返送のご案内";
            case RECEIVED:
                return "商品を受け取りました";
            case INSPECTED:
                return "商品の確認が終わりました";
            case REFUNDED:
                return "ご返金の手続きが完了しました";
            case EXCHANGE_SHIPPED:
                return "交換品を発送しました";
            case REPAIRED:
                return "修理が完了しました";
            default:
                return kind + "のお手続きが完了しました";
        }
    }

    private static String message(ClaimView claim, String kind) {
        switch (claim.status()) {
            case REQUESTED:
                return kind + "のお申し込みを受け付けました。内容を確認のうえ、あらためてご連絡いたします。"
                        + (claim.needsBankAccount() ? "\nご返金は銀行振込となります。返金先の口座情報のご登録をお願いいたします。" : "");
            case QUOTED:
                return "保証期間外のため、有償での修理となります。\n修理代金（お見積もり）: " + yen(claim.quoteYen())
                        + "\nお手続きページより、お見積もりの承諾または辞退をお選びください。";
            case QUOTE_DECLINED:
                return "修理のお見積もりを辞退されたことを承りました。商品はそのままお手元でお使いください。";
            case APPROVED:
                return kind + "のお申し込みを承りました。次のご案内をお待ちください。";
            case REJECTED:
                return "誠に申し訳ございませんが、今回のお申し込みはお受けできませんでした。\n理由: " + claim.rejectionReason();
            case AWAITING_ITEM:
                return claim.type() == RequestType.RECYCLE_PICKUP
                        ? "回収のご案内です。回収日時は配送業者よりご連絡いたします。"
                        : "お手数ですが、商品を受付番号を添えてご返送ください。\n返送料: "
                                + (claim.eligibility().returnShipping() == Payer.SHOP ? "当店負担（着払いでお送りください）" : "お客様ご負担");
            case RECEIVED:
                return "ご返送いただいた商品を受け取りました。内容を確認いたします。";
            case INSPECTED:
                return "商品の確認が終わりました。お手続きを進めております。"
                        + (claim.apologyCouponCode() == null
                                ? ""
                                : "\n配送中の破損により、ご迷惑をおかけし誠に申し訳ございません。"
                                        + "\nお詫びのしるしとして、次回のお買い物にお使いいただけるクーポンをお送りします。"
                                        + "\nクーポンコード: " + claim.apologyCouponCode());
            case REFUNDED:
                return refundMessage(claim);
            case EXCHANGE_SHIPPED:
                return "交換品を発送いたしました。"
                        + (claim.exchangeTracking() == null ? "" : "\nお問い合わせ伝票番号: " + claim.exchangeTracking());
            case REPAIRED:
                return "修理が完了しました。商品をお返しいたします。";
            default:
                return "お申し込みのお手続きがすべて完了しました。ご利用ありがとうございました。";
        }
    }

    private static String refundMessage(ClaimView claim) {
        RefundAmounts refund = claim.refund();
        StringBuilder text = new StringBuilder();
        if (claim.refundRoute() == RefundRoute.STORE_CREDIT) {
            text.append("お買い物に使えるクレジットを発行しました。\n発行額: ").append(yen(refund.total()));
            if (claim.couponCode() != null) {
                text.append("\nクーポンコード: ").append(claim.couponCode());
            }
            return text.toString();
        }
        text.append("ご返金の手続きが完了しました。\nご返金額: ").append(yen(refund.total()));
        if (refund.restockingFee() > 0) {
            text.append("\n（返品手数料 ").append(yen(refund.restockingFee())).append(" を差し引いております）");
        }
        if (refund.returnShipping() > 0) {
            text.append("\n（返送料 ").append(yen(refund.returnShipping())).append(" を差し引いております）");
        }
        text.append(
                claim.refundRoute() == RefundRoute.BANK_TRANSFER
                        ? "\nご登録の口座へお振り込みいたしました。口座情報は返金完了に伴い削除いたしました。"
                        : "\nお支払いに使われた方法へご返金いたします。反映までに日数がかかる場合がございます。");
        return text.toString();
    }

    private static String yen(Long amount) {
        return Money.yen(amount == null ? 0 : amount).formatted();
    }
}
