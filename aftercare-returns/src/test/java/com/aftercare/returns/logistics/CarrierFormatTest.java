package com.aftercare.returns.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.StorefrontId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CarrierFormatTest {

    static final ReturnAddress WAREHOUSE = new ReturnAddress(
            1L,
            new StorefrontId(1),
            "東京倉庫",
            "こもれび 返品係",
            "135-0061",
            "東京都江東区豊洲3-2-20",
            "03-1234-5678",
            null,
            null,
            null);
    static final CarrierFormat.ExportRow PICKUP = new CarrierFormat.ExportRow(
            "RMA-2025-000001",
            "R-1001",
            WAREHOUSE,
            "山田 花子",
            "150-0001",
            "東京都渋谷区神宮前1-2-3",
            "090-1234-5678",
            LocalDate.of(2025, 11, 28),
            LocalDate.of(2025, 11, 28),
            PickupSlot.H14_16,
            "有田焼マグカップ",
            "RMA-2025-000001 集荷 2025-11-28 14-16",
            "012345678901");

    @Test
    void shouldWriteB2CloudsColumnsInTheirOrderWithTheWarehouseAsConsigneeAndTheCustomerAsShipper() {
        var header = CarrierFormat.B2_CLOUD.header();
        var row = CarrierFormat.B2_CLOUD.row(PICKUP);

        assertThat(header).hasSize(42).startsWith("お客様管理番号", "送り状種類", "クール区分", "伝票番号", "出荷予定日");
        assertThat(row).hasSameSizeAs(header);
        assertThat(row.get(header.indexOf("送り状種類"))).isEqualTo("5");
        assertThat(row.get(header.indexOf("出荷予定日"))).isEqualTo("2025/11/28");
        assertThat(row.get(header.indexOf("配達時間帯"))).isEmpty();
        assertThat(row.get(header.indexOf("お届け先名"))).isEqualTo("こもれび 返品係");
        assertThat(row.get(header.indexOf("お届け先郵便番号"))).isEqualTo("135-0061");
        assertThat(row.get(header.indexOf("ご依頼主名"))).isEqualTo("山田 花子");
        assertThat(row.get(header.indexOf("ご依頼主電話番号"))).isEqualTo("090-1234-5678");
        assertThat(row.get(header.indexOf("品名１"))).isEqualTo("有田焼マグカップ");
        assertThat(row.get(header.indexOf("記事"))).contains("集荷 2025-11-28 14-16");
        assertThat(row.get(header.indexOf("ご請求先顧客コード"))).isEqualTo("012345678901");
    }

    @Test
    void shouldWriteTheGenericLayoutWithThePickupBandAsTheCarriersCode() {
        var header = CarrierFormat.GENERIC.header();
        var row = CarrierFormat.GENERIC.row(PICKUP);

        assertThat(row).hasSameSizeAs(header);
        assertThat(row.get(header.indexOf("元着区分"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("集荷日"))).isEqualTo("2025/11/28");
        assertThat(row.get(header.indexOf("集荷時間帯"))).isEqualTo("1416");
    }

    @Test
    void shouldChooseB2CloudForYamatoAndTheGenericLayoutForTheOthers() {
        assertThat(CarrierFormat.of(Carrier.YAMATO)).isEqualTo(CarrierFormat.B2_CLOUD);
        assertThat(CarrierFormat.of(Carrier.SAGAWA)).isEqualTo(CarrierFormat.GENERIC);
        assertThat(CarrierFormat.of(Carrier.JAPAN_POST)).isEqualTo(CarrierFormat.GENERIC);
    }
}
