package com.aftercare.web.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The audit page's words for what modules record as codes, from the real messages files, with no Spring context. */
class AuditWordsTest {

    private final AuditWords words = new AuditWords(japaneseMessages());

    /** The application's own messages files, as Spring Boot reads them (UTF-8). */
    private static ResourceBundleMessageSource japaneseMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @BeforeEach
    void japanese() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void shouldSayAnActionByItsOwnMessageElseByItsThingAndVerbElseByTheVerb() {
        assertThat(words.action("product-policy.saved")).isEqualTo("返品・保証の条件を保存");
        assertThat(words.action("faq.published")).isEqualTo("FAQ記事を公開");
        assertThat(words.action("thing.deleted")).isEqualTo("削除");
        assertThat(words.action("thing.broken")).isNull();
        assertThat(words.action("nodot")).isNull();
    }

    @Test
    void shouldSayTheTargetAndAProductScopeInWordsAndAnUnknownTypeAsRecorded() {
        assertThat(words.target("product_policy", "category:衣料品", AuditNames.Names.NONE))
                .isEqualTo("返品・保証の条件 カテゴリ 衣料品");
        assertThat(words.target("thing", "t-7", AuditNames.Names.NONE)).isEqualTo("thing t-7");
    }

    @Test
    void shouldListDetailsAsLabelAndValueWithYesNoEnumWordsAndARecordsSetFieldsOnly() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("exchangeAllowed", true);
        terms.put("customerReturnShipping", "SHOP");
        terms.put("warrantyMonths", null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("terms", terms);
        details.put("cleared", null);
        details.put("note", "手書きのまま");

        assertThat(words.details(details, AuditNames.Names.NONE))
                .containsExactly(
                        new AuditWords.Detail("交換を受け付ける", "はい"),
                        new AuditWords.Detail("お客様都合の返送料", "当店"),
                        new AuditWords.Detail("cleared", "—"),
                        new AuditWords.Detail("note", "手書きのまま"));
    }

    @Test
    void shouldKeepTheRecordedOrderAndSayAStorefrontATeamAndAnOperatorByName() {
        AuditNames.Names names = new AuditNames.Names(Map.of(
                "storefront", Map.of("1", "こもれび 本店"),
                "team", Map.of("returns", "返品チーム"),
                "operator", Map.of("sato", "佐藤 美穂")));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("storefront", 1);
        details.put("team", "returns");
        details.put("operator", "sato");
        details.put("subject", "件名");
        details.put("sendAt", "2026-12-01T10:00");

        assertThat(words.details(details, names))
                .containsExactly(
                        new AuditWords.Detail("ストア", "こもれび 本店"),
                        new AuditWords.Detail("チーム", "返品チーム"),
                        new AuditWords.Detail("オペレーター", "佐藤 美穂"),
                        new AuditWords.Detail("件名", "件名"),
                        new AuditWords.Detail("配信日時", "2026-12-01T10:00"));
        assertThat(words.target("storefront", "1", names)).isEqualTo("ストア こもれび 本店");
        assertThat(words.target("team", "returns", names)).isEqualTo("チーム 返品チーム");
        // one since removed keeps the id it was recorded with
        assertThat(words.target("storefront", "9", names)).isEqualTo("ストア 9");
        assertThat(words.details(Map.of("storefront", 9), names)).containsExactly(new AuditWords.Detail("ストア", "9"));
    }
}
