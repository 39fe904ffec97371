package com.aftercare.web.demo;

import com.aftercare.inquiry.Category;
import java.util.List;

/** What the demo's customers ask the desk, and what it answers: its own text, apart from how the desk replays it. */
final class DemoQuestions {

    /** A question customers ask, with the answer the desk gives. */
    record Topic(Category category, String subject, String question, String answer, String followUp) {}

    static final List<Topic> NOT_ARRIVED = List.of(
            new Topic(
                    Category.SHIPPING,
                    "商品がまだ届きません",
                    "注文した商品がまだ届いていません。いつ頃届きますか？",
                    "お問い合わせありがとうございます。ご注文の商品は発送済みで、配送業者の追跡番号から明日中のお届け予定と確認できました。今しばらくお待ちください。",
                    "追跡番号を確認しました。ありがとうございます。"),
            new Topic(
                    Category.SHIPPING,
                    "お届け日の変更をお願いします",
                    "出張のため、お届けを週末に変更していただけますか。",
                    "承知いたしました。配送業者へ土曜日午前のお届けに変更を依頼いたしました。変更完了のご連絡が届くまで少々お待ちください。",
                    "土曜日で大丈夫です。よろしくお願いします。"));

    static final List<Topic> AFTER_DELIVERY = List.of(
            new Topic(
                    Category.PRODUCT,
                    "ケトルのお手入れ方法",
                    "電気ケトルの内側に白い汚れがつきました。どうお手入れすればよいですか？",
                    "白い汚れは水道水のミネラル分です。クエン酸大さじ1杯を入れて満水で沸かし、1時間ほど置いてから捨ててすすいでください。",
                    "きれいになりました！ありがとうございます。"),
            new Topic(
                    Category.RETURN,
                    "サイズ交換はできますか",
                    "Tシャツが少し小さかったので、Lサイズに交換できますか。",
                    "お届けから30日以内のため交換を承れます。マイページの「交換の申し込み」からLサイズをお選びください。返送用の伝票をお送りします。",
                    "申し込みました。よろしくお願いします。"),
            new Topic(
                    Category.PAYMENT,
                    "領収書の発行について",
                    "会社の経費で購入したので、宛名入りの領収書をいただけますか。",
                    "領収書をPDFでお送りいたします。宛名をご返信いただけますでしょうか。",
                    "宛名は「株式会社みどり商事」でお願いします。"),
            new Topic(
                    Category.PRODUCT,
                    "マグカップは食洗機に使えますか",
                    "有田焼のマグカップは食洗機や電子レンジで使えますか？",
                    "食洗機・電子レンジともにお使いいただけます。金彩の入った柄のみ電子レンジはお避けください。",
                    null),
            new Topic(
                    Category.OTHER,
                    "ギフト包装をお願いしたい",
                    "次の注文をギフト包装にしてメッセージカードを付けられますか。",
                    "ご注文時の備考欄に「ギフト包装希望」とメッセージ内容をご記入ください。無料で承ります。",
                    null),
            new Topic(
                    Category.PRODUCT,
                    "炊飯器の蓋が閉まりにくい",
                    "土鍋炊飯器の蓋が閉まりにくく、吹きこぼれます。不良でしょうか？",
                    "ご不便をおかけし申し訳ございません。パッキンが溝から外れている可能性があります。解決しない場合は保証期間内のため無償で修理いたします。",
                    "パッキンを付け直したら直りました。"),
            new Topic(
                    Category.RETURN,
                    "届いた商品が破損していました",
                    "マグカップの取っ手が欠けた状態で届きました。",
                    "大変申し訳ございません。写真をお送りいただけますか。確認後すぐに代わりの品をお送りします。",
                    "写真を送りました。"),
            new Topic(
                    Category.PAYMENT,
                    "コンビニ払いの期限を過ぎてしまいました",
                    "支払期限を過ぎてしまいました。もう一度支払番号をいただけますか。",
                    "新しいお支払い番号を発行いたしました。期限は3日後です。お手数ですがよろしくお願いいたします。",
                    null));

    static final List<String> COMMENTS =
            List.of("すぐに返事をいただけて助かりました。", "丁寧に教えていただきありがとうございました。", "対応が早くて安心しました。", "", "もう少し早く連絡がほしかったです。");

    private DemoQuestions() {}
}
