package com.aftercare.web.demo;

import com.aftercare.domain.order.LineItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Who and what the demo shop (a small lifestyle-goods shop) sells to: its products, and customers
 * made from common Japanese names and addresses. Drawn from a {@link Random} with a fixed seed, so
 * every demo start shows the same people.
 */
final class DemoShop {

    /** A product as the storefront sends it in an order line. */
    record Product(String sku, String name, String category, long priceYen) {

        LineItem line(int quantity) {
            return new LineItem(sku, name, category, quantity, priceYen);
        }
    }

    /** A customer: name in kanji and kana, address, and whether they agreed to promotional mail. */
    record Person(
            String email,
            String name,
            String kana,
            String phone,
            String postalCode,
            String prefecture,
            String address,
            boolean newsletter) {}

    static final Product T_SHIRT_M = new Product("TS-001-M-NAVY", "オーガニックコットンTシャツ M ネイビー", "衣料品", 1800);
    static final Product T_SHIRT_L = new Product("TS-001-L-NAVY", "オーガニックコットンTシャツ L ネイビー", "衣料品", 1800);
    static final Product LINEN_SHIRT = new Product("LINEN-SH-M", "リネンシャツ M 生成り", "衣料品", 5900);
    static final Product MUG = new Product("MUG-02", "有田焼マグカップ", "キッチン用品", 2400);
    static final Product BENTO = new Product("BENTO-01", "曲げわっぱ弁当箱", "キッチン用品", 4800);
    static final Product KETTLE = new Product("KETTLE-05", "電気ケトル 1.0L ホワイト", "家電", 6980);
    static final Product RICE_COOKER = new Product("RICE-3G", "土鍋炊飯器 3合", "家電", 19800);
    static final Product CIRCULATOR = new Product("FAN-07", "DCサーキュレーター", "家電", 12800);
    static final Product CARE_GEL = new Product("CARE-11", "デリケートケア ジェル", "ヘルスケア", 3300);
    static final Product TOWELS = new Product("TOWEL-2P", "今治タオル バスタオル 2枚組", "生活雑貨", 3960);

    /** Everything on sale, the cheaper everyday items listed more often (so they sell more). */
    static final List<Product> SHELF = List.of(
            T_SHIRT_M,
            T_SHIRT_M,
            T_SHIRT_L,
            LINEN_SHIRT,
            MUG,
            MUG,
            BENTO,
            KETTLE,
            KETTLE,
            RICE_COOKER,
            CIRCULATOR,
            CARE_GEL,
            CARE_GEL,
            TOWELS,
            TOWELS);

    private record Name(String kanji, String kana, String romaji) {}

    private static final List<Name> FAMILY = List.of(
            new Name("山田", "ヤマダ", "yamada"), new Name("佐藤", "サトウ", "sato"),
            new Name("鈴木", "スズキ", "suzuki"), new Name("高橋", "タカハシ", "takahashi"),
            new Name("田中", "タナカ", "tanaka"), new Name("伊藤", "イトウ", "ito"),
            new Name("渡辺", "ワタナベ", "watanabe"), new Name("中村", "ナカムラ", "nakamura"),
            new Name("小林", "コバヤシ", "kobayashi"), new Name("加藤", "カトウ", "kato"),
            new Name("吉田", "ヨシダ", "yoshida"), new Name("山本", "ヤマモト", "yamamoto"),
            new Name("松本", "マツモト", "matsumoto"), new Name("井上", "イノウエ", "inoue"),
            new Name("木村", "キムラ", "kimura"), new Name("林", "ハヤシ", "hayashi"),
            new Name("清水", "シミズ", "shimizu"), new Name("森", "モリ", "mori"),
            new Name("池田", "イケダ", "ikeda"), new Name("橋本", "ハシモト", "hashimoto"));

    private static final List<Name> GIVEN = List.of(
            new Name("陽菜", "ヒナ", "hina"), new Name("結衣", "ユイ", "yui"),
            new Name("美咲", "ミサキ", "misaki"), new Name("さくら", "サクラ", "sakura"),
            new Name("葵", "アオイ", "aoi"), new Name("健太", "ケンタ", "kenta"),
            new Name("翔太", "ショウタ", "shota"), new Name("大輔", "ダイスケ", "daisuke"),
            new Name("直美", "ナオミ", "naomi"), new Name("恵子", "ケイコ", "keiko"),
            new Name("裕子", "ユウコ", "yuko"), new Name("誠", "マコト", "makoto"),
            new Name("拓也", "タクヤ", "takuya"), new Name("愛", "アイ", "ai"),
            new Name("真由美", "マユミ", "mayumi"), new Name("浩二", "コウジ", "koji"),
            new Name("千尋", "チヒロ", "chihiro"), new Name("優斗", "ユウト", "yuto"));

    private record Place(String postalCode, String prefecture, String address) {}

    private static final List<Place> PLACES = List.of(
            new Place("150-0001", "東京都", "渋谷区神宮前1-2-3"),
            new Place("530-0001", "大阪府", "大阪市北区梅田2-4-9"),
            new Place("460-0008", "愛知県", "名古屋市中区栄3-5-12"),
            new Place("060-0042", "北海道", "札幌市中央区大通西4-1"),
            new Place("812-0011", "福岡県", "福岡市博多区博多駅前2-1-1"),
            new Place("980-0021", "宮城県", "仙台市青葉区中央1-3-1"),
            new Place("220-0011", "神奈川県", "横浜市西区高島2-6-32"),
            new Place("600-8216", "京都府", "京都市下京区東塩小路町721-1"),
            new Place("730-0011", "広島県", "広島市中区基町6-78"),
            new Place("330-0853", "埼玉県", "さいたま市大宮区錦町630"));

    /** The three customers the README and the first demo knew, first; then {@code count} more. */
    static List<Person> customers(Random random, int count) {
        List<Person> people = new ArrayList<>(List.of(
                new Person(
                        "hanako.yamada@example.jp",
                        "山田 花子",
                        "ヤマダ ハナコ",
                        "090-1111-2222",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        true),
                new Person(
                        "taro.sato@example.jp",
                        "佐藤 太郎",
                        "サトウ タロウ",
                        "080-3333-4444",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        false),
                new Person(
                        "yuki.suzuki@example.jp",
                        "鈴木 由紀",
                        "スズキ ユキ",
                        "070-5555-6666",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        true)));
        Set<String> emails = new LinkedHashSet<>();
        people.forEach(p -> emails.add(p.email()));
        while (people.size() < count + 3) {
            Name family = FAMILY.get(random.nextInt(FAMILY.size()));
            Name given = GIVEN.get(random.nextInt(GIVEN.size()));
            String email = given.romaji() + "." + family.romaji() + "@example.jp";
            if (!emails.add(email)) {
                email = given.romaji() + "." + family.romaji() + (people.size() % 90 + 10) + "@example.jp";
                if (!emails.add(email)) {
                    continue;
                }
            }
            Place place = PLACES.get(random.nextInt(PLACES.size()));
            String phone = List.of("090", "080", "070").get(random.nextInt(3)) + "-" + (1000 + random.nextInt(9000))
                    + "-" + (1000 + random.nextInt(9000));
            people.add(new Person(
                    email,
                    family.kanji() + " " + given.kanji(),
                    family.kana() + " " + given.kana(),
                    phone,
                    place.postalCode(),
                    place.prefecture(),
                    place.address(),
                    random.nextInt(10) < 6));
        }
        return List.copyOf(people);
    }

    private DemoShop() {}
}
