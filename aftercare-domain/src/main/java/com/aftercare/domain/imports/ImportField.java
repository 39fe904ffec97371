package com.aftercare.domain.imports;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our fields a file's columns map onto. Consecutive rows with the same order number are one
 * order (malls export one row per line item); the order's own fields are read from its first row.
 */
public enum ImportField {
    ORDER_NUMBER(true, "注文番号", "受注番号", "order number", "order id"),
    ORDERED_AT(true, "注文日時", "注文日", "受注日時", "受注日", "ordered at", "order date"),
    CUSTOMER_EMAIL(true, "メールアドレス", "注文者メールアドレス", "email", "mail address"),
    CUSTOMER_NAME(true, "氏名", "注文者氏名", "注文者名", "お名前", "customer name"),
    CUSTOMER_NAME_KANA(false, "フリガナ", "ふりがな", "氏名(フリガナ)", "注文者氏名(フリガナ)", "kana"),
    CUSTOMER_PHONE(false, "電話番号", "注文者電話番号", "phone"),
    POSTAL_CODE(false, "郵便番号", "注文者郵便番号", "postal code", "zip"),
    PREFECTURE(false, "都道府県", "prefecture"),
    ADDRESS(false, "住所", "address"),
    SKU(true, "SKU管理番号", "システム連携用SKU番号", "商品番号", "商品コード", "sku"),
    PRODUCT_NAME(true, "商品名", "product name"),
    /** The product a SKU is a variant of (楽天: 商品管理番号, the product's URL code). */
    PRODUCT_CODE(false, "商品管理番号", "商品管理番号(商品URL)", "商品ID", "親商品コード", "product code", "product id"),
    /** What sets the variant apart, as the mall writes it: 楽天's 項目・選択肢 ("サイズ:M" per line). */
    VARIANT(false, "項目・選択肢", "選択肢", "バリエーション", "オプション", "variant", "variation", "options"),
    QUANTITY(true, "個数", "数量", "quantity"),
    UNIT_PRICE(true, "単価", "商品単価", "unit price"),
    SHIPPING_FEE(false, "送料", "shipping fee"),
    PAYMENT_METHOD(false, "支払方法", "支払い方法", "決済方法", "payment method"),
    PAID_AT(false, "入金日時", "入金日", "paid at"),
    SHIPPED_AT(false, "発送日", "発送日時", "出荷日", "shipped at"),
    CARRIER(false, "配送会社", "運送会社", "carrier"),
    TRACKING_NUMBER(false, "伝票番号", "お問い合わせ伝票番号", "配送伝票番号", "追跡番号", "tracking number"),
    DELIVERED_AT(false, "配達完了日時", "配達日", "delivered at"),
    CANCELLED_AT(false, "キャンセル日時", "キャンセル日", "cancelled at");

    private final boolean required;
    private final List<String> headerNames;

    /**
     * @param headerNames column headings that usually mean this field in Japanese carts' and malls'
     *     exports and in English, compared without case, width or spacing; only a first guess for
     *     the operator, who checks the mapping in the preview
     */
    ImportField(boolean required, String... headerNames) {
        this.required = required;
        this.headerNames =
                Arrays.stream(headerNames).map(ImportField::normalized).toList();
    }

    /**
     * A first mapping for a file nobody has mapped yet: each field onto the column with the first
     * of its usual names the file has (楽天's SKU管理番号 before its 商品番号), each column used once.
     */
    public static Map<ImportField, String> guess(List<String> header) {
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        Set<String> taken = new HashSet<>();
        for (ImportField field : values()) {
            field.headerNames.stream()
                    .flatMap(name -> header.stream()
                            .filter(column -> !taken.contains(column)
                                    && normalized(column).equals(name)))
                    .findFirst()
                    .ifPresent(column -> {
                        mapping.put(field, column);
                        taken.add(column);
                    });
        }
        return mapping;
    }

    private static String normalized(String heading) {
        return Normalizer.normalize(heading, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-・]", "");
    }

    public boolean required() {
        return required;
    }
}
