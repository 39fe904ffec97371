package com.aftercare.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Decoding and mapping rules of the CSV import, without Spring or a database. */
class CsvReadingTest {

    static String read(byte[] bytes, FileCharset charset) throws IOException {
        try (Reader reader = charset.open(new ByteArrayInputStream(bytes))) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }

    @Test
    void shouldSkipTheBomAndReadUtf8() throws IOException {
        byte[] text = "受注番号\n髙橋①\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        assertThat(read(withBom, FileCharset.UTF_8)).isEqualTo("受注番号\n髙橋①\n");
        assertThat(read(text, FileCharset.UTF_8)).isEqualTo("受注番号\n髙橋①\n");
    }

    @Test
    void shouldReadWindows31jWithItsOwnCharacters() throws IOException {
        byte[] sjis = "氏名\n髙橋 ①\n".getBytes(Charset.forName("windows-31j"));

        assertThat(read(sjis, FileCharset.WINDOWS_31J)).isEqualTo("氏名\n髙橋 ①\n");
    }

    @Test
    void shouldNameTheLineOfABrokenByteEvenBeyondTheFirstBuffer() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("row ").append(i).append(",山田\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[good.length + 2];
        System.arraycopy(good, 0, broken, 0, good.length);
        broken[good.length] = (byte) 0xE3; // a three-byte sequence cut short at the end of the file
        broken[good.length + 1] = (byte) 0x81;

        assertThatThrownBy(() -> read(broken, FileCharset.UTF_8))
                .isInstanceOf(BrokenEncoding.class)
                .hasMessage("line 20001 is not valid UTF-8");
        byte[] sjisAsUtf8 = "氏名\n山田\n".getBytes(Charset.forName("windows-31j"));
        assertThatThrownBy(() -> read(sjisAsUtf8, FileCharset.UTF_8)).hasMessage("line 1 is not valid UTF-8");
    }

    @Test
    void shouldReadAmountsAndTimesAsMallsWriteThem() {
        OrderRows rows = new OrderRows(Map.of(), ZoneId.of("Asia/Tokyo"));

        assertThat(OrderRows.yen("1,980")).isEqualTo(1980);
        assertThat(OrderRows.yen("¥１，９８０")).isEqualTo(1980);
        assertThat(OrderRows.yen("1980円")).isEqualTo(1980);
        assertThatThrownBy(() -> OrderRows.yen("19.80")).isInstanceOf(InvalidValue.class);
        assertThat(rows.instant("2026/12/04 10:30:00")).isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
        assertThat(rows.instant("2026-12-04 10:30")).isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
        assertThat(rows.instant("2026/12/04")).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(rows.instant("2026-12-04T10:30:00+09:00")).isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
        assertThatThrownBy(() -> rows.instant("12月4日")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void shouldTurnTheRowsOfOneOrderIntoOnePlacementAndItsShipmentOrNameEachProblem() throws IOException {
        Map<ImportField, String> mapping = Map.of(
                ImportField.ORDER_NUMBER, "番号",
                ImportField.ORDERED_AT, "日時",
                ImportField.CUSTOMER_EMAIL, "メール",
                ImportField.CUSTOMER_NAME, "氏名",
                ImportField.SKU, "SKU",
                ImportField.PRODUCT_NAME, "商品",
                ImportField.QUANTITY, "数",
                ImportField.UNIT_PRICE, "単価",
                ImportField.SHIPPED_AT, "発送");
        OrderRows rows = new OrderRows(mapping, ZoneId.of("Asia/Tokyo"));
        String csv = """
                番号,日時,メール,氏名,SKU,商品,数,単価,発送
                A-1,2026/12/01 10:00,a@example.jp,山田 花子,S1,ふきん,2,"1,980",2026/12/02
                A-1,2026/12/01 10:00,a@example.jp,山田 花子,S2,茶碗,1,1200,2026/12/02
                A-2,2026/12/01 11:00,not-an-email,鈴木,S3,湯呑,x,800,
                """;
        List<CSVRecord> records;
        try (CSVParser parser = OrderImports.FORMAT.parse(new java.io.StringReader(csv))) {
            records = parser.getRecords();
        }

        OrderRows.Mapped first = rows.map(records.subList(0, 2));
        assertThat(first.refused()).isFalse();
        assertThat(first.events()).extracting(e -> e.event().type()).containsExactly("order.placed", "order.shipped");
        assertThat(first.events().get(0).event().id()).isEqualTo("csv:A-1:order.placed");
        assertThat(rows.map(records.subList(0, 2)).events().get(0).sha256())
                .isEqualTo(first.events().get(0).sha256());

        OrderRows.Mapped second = rows.map(records.subList(2, 3));
        assertThat(second.refused()).isTrue();
        assertThat(second.problems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3L, "メール"), org.assertj.core.groups.Tuple.tuple(3L, "数"));
    }
}
