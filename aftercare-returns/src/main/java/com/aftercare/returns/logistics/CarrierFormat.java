package com.aftercare.returns.logistics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The layouts of the carrier export, one row per parcel, each a pure function of an
 * {@link ExportRow}. Sources and what was matched are in docs/returns.md.
 *
 * <ul>
 *   <li>{@link #B2_CLOUD}: ヤマト運輸 B2クラウド's standard import layout (送り状発行データ), its first
 *       42 columns through 運賃管理番号, in their order and with their names; the columns after it
 *       (web collect, e-mail notices, 収納代行, search keys) are optional and left off.
 *   <li>{@link #GENERIC}: for 佐川急便 e飛伝 and 日本郵便 ゆうパックプリントR, which both import through
 *       a mapping the shop registers once (e飛伝's 取込パターン, ゆうプリR's 取込フィルタ): a fixed,
 *       documented layout with Japanese headers to map from.
 * </ul>
 */
public enum CarrierFormat {
    B2_CLOUD {
        @Override
        List<String> header() {
            return List.of(
                    "お客様管理番号",
                    "送り状種類",
                    "クール区分",
                    "伝票番号",
                    "出荷予定日",
                    "お届け予定（指定）日",
                    "配達時間帯",
                    "お届け先コード",
                    "お届け先電話番号",
                    "お届け先電話番号枝番",
                    "お届け先郵便番号",
                    "お届け先住所",
                    "お届け先住所（アパートマンション名）",
                    "お届け先会社・部門名１",
                    "お届け先会社・部門名２",
                    "お届け先名",
                    "お届け先名略称カナ",
                    "敬称",
                    "ご依頼主コード",
                    "ご依頼主電話番号",
                    "ご依頼主電話番号枝番",
                    "ご依頼主郵便番号",
                    "ご依頼主住所",
                    "ご依頼主住所（アパートマンション名）",
                    "ご依頼主名",
                    "ご依頼主略称カナ",
                    "品名コード１",
                    "品名１",
                    "品名コード２",
                    "品名２",
                    "荷扱い１",
                    "荷扱い２",
                    "記事",
                    "コレクト代金引換額（税込）",
                    "コレクト内消費税額等",
                    "営業所止置き",
                    "営業所コード",
                    "発行枚数",
                    "個数口枠の印字",
                    "ご請求先顧客コード",
                    "ご請求先分類コード",
                    "運賃管理番号");
        }

        @Override
        List<String> row(ExportRow r) {
            List<String> cells = new ArrayList<>(Collections.nCopies(header().size(), ""));
            cells.set(0, r.rma());
            // 送り状種類: 0 発払 (the customer pays, never exported), 5 着払; a pick-up the shop pays is 着払 too
            cells.set(1, "5");
            cells.set(2, "0");
            cells.set(4, SLASHED.format(r.shipDate()));
            // 配達時間帯 is the delivery to the warehouse: none. The pick-up band goes into 記事.
            cells.set(8, r.to().phone());
            cells.set(10, r.to().postalCode());
            cells.set(11, r.to().address());
            cells.set(15, r.to().recipient());
            cells.set(17, "様");
            cells.set(19, r.fromPhone());
            cells.set(21, r.fromPostalCode());
            cells.set(22, r.fromAddress());
            cells.set(24, r.fromName());
            cells.set(27, r.goods());
            cells.set(32, r.note());
            cells.set(37, "1");
            cells.set(39, r.customerCode());
            return cells;
        }
    },
    GENERIC {
        @Override
        List<String> header() {
            return List.of(
                    "お客様管理番号",
                    "注文番号",
                    "元着区分",
                    "集荷日",
                    "集荷時間帯",
                    "お届け先郵便番号",
                    "お届け先住所",
                    "お届け先名",
                    "お届け先電話番号",
                    "ご依頼主郵便番号",
                    "ご依頼主住所",
                    "ご依頼主名",
                    "ご依頼主電話番号",
                    "品名",
                    "お客様コード");
        }

        @Override
        List<String> row(ExportRow r) {
            return List.of(
                    r.rma(),
                    r.orderNumber(),
                    // 元着区分: 1 元払, 2 着払 (every exported parcel is one the shop pays)
                    "2",
                    r.pickupDate() == null ? "" : SLASHED.format(r.pickupDate()),
                    r.pickupSlot() == null ? "" : r.pickupSlot().code(),
                    r.to().postalCode(),
                    r.to().address(),
                    r.to().recipient(),
                    r.to().phone(),
                    r.fromPostalCode(),
                    r.fromAddress(),
                    r.fromName(),
                    r.fromPhone(),
                    r.goods(),
                    r.customerCode());
        }
    };

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    abstract List<String> header();

    abstract List<String> row(ExportRow row);

    /** The format a carrier's system takes. */
    public static CarrierFormat of(Carrier carrier) {
        return carrier == Carrier.YAMATO ? B2_CLOUD : GENERIC;
    }

    /**
     * One parcel of the export: goods from the customer ({@code from…}, the order's shipping
     * address) to the warehouse.
     *
     * @param shipDate the pick-up day, else the day of the export
     * @param goods 品名: the products, or a neutral word for an order shipped discreetly
     * @param note 記事: the RMA and the pick-up band
     */
    record ExportRow(
            String rma,
            String orderNumber,
            ReturnAddress to,
            String fromName,
            String fromPostalCode,
            String fromAddress,
            String fromPhone,
            LocalDate shipDate,
            LocalDate pickupDate,
            PickupSlot pickupSlot,
            String goods,
            String note,
            String customerCode) {}
}
