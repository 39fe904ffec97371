package com.aftercare.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first mapping offered for a file nobody has mapped: the usual headings, each column once. */
class ImportFieldTest {

    @Test
    void shouldMapAJapaneseMallsHeadingsOntoEveryFieldTheyName() {
        List<String> header = List.of(
                "受注番号", "注文日時", "メールアドレス", "氏名", "フリガナ", "電話番号", "郵便番号", "都道府県", "住所", "商品番号", "商品名", "個数", "単価", "送料",
                "支払方法", "発送日", "配送会社", "伝票番号");

        Map<ImportField, String> mapping = ImportField.guess(header);

        assertThat(mapping)
                .containsEntry(ImportField.ORDER_NUMBER, "受注番号")
                .containsEntry(ImportField.CUSTOMER_NAME, "氏名")
                .containsEntry(ImportField.CUSTOMER_NAME_KANA, "フリガナ")
                .containsEntry(ImportField.TRACKING_NUMBER, "伝票番号")
                .containsEntry(ImportField.SHIPPED_AT, "発送日")
                .hasSize(18);
        for (ImportField field : ImportField.values()) {
            if (field.required()) {
                assertThat(mapping).as(field.name()).containsKey(field);
            }
        }
    }

    @Test
    void shouldMatchHeadingsWhateverTheirWidthCaseAndSpacingAndLeaveUnknownOnesUnmapped() {
        Map<ImportField, String> mapping =
                ImportField.guess(List.of("Order Number", "ＳＫＵ", "e mail", "Tracking_Number", "備考", "氏名（フリガナ）"));

        assertThat(mapping)
                .containsEntry(ImportField.ORDER_NUMBER, "Order Number")
                .containsEntry(ImportField.SKU, "ＳＫＵ")
                .containsEntry(ImportField.TRACKING_NUMBER, "Tracking_Number")
                .containsEntry(ImportField.CUSTOMER_NAME_KANA, "氏名（フリガナ）")
                .containsEntry(ImportField.CUSTOMER_EMAIL, "e mail")
                .doesNotContainValue("備考")
                .doesNotContainKey(ImportField.CUSTOMER_NAME);
    }

    @Test
    void shouldTakeRakutensSkuNumberForTheSkuAndItsProductCodeAndChoicesForTheCatalogue() {
        // 楽天 RMS order export after the SKU project: product-level 商品管理番号 and 商品番号, the SKU's own number
        Map<ImportField, String> mapping =
                ImportField.guess(List.of("受注番号", "商品管理番号", "商品番号", "商品名", "項目・選択肢", "SKU管理番号"));

        assertThat(mapping)
                .containsEntry(ImportField.SKU, "SKU管理番号")
                .containsEntry(ImportField.PRODUCT_CODE, "商品管理番号")
                .containsEntry(ImportField.VARIANT, "項目・選択肢")
                .doesNotContainValue("商品番号");
        assertThat(ImportField.guess(List.of("商品管理番号", "商品番号")))
                .as("an export from before the SKU project: the item number is the SKU")
                .containsEntry(ImportField.SKU, "商品番号")
                .containsEntry(ImportField.PRODUCT_CODE, "商品管理番号");
    }

    @Test
    void shouldUseAColumnForOneFieldOnly() {
        assertThat(ImportField.guess(List.of("注文日時", "注文日時"))).containsOnlyKeys(ImportField.ORDERED_AT);
    }

    @Test
    void shouldKeepAnErrorReportCellThatExcelWouldRunAsAFormulaAsText() {
        assertThat(OrderImports.inert("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(OrderImports.inert("+81 3")).isEqualTo("'+81 3");
        assertThat(OrderImports.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(OrderImports.inert("メールアドレス")).isEqualTo("メールアドレス");
        assertThat(OrderImports.inert(null)).isNull();
    }
}
