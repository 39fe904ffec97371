package com.aftercare.domain.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a template may use, each with a sample value of the shape the real one has (a
 * list of maps for {@code lines}, a boolean for {@code discreet}): the names are what
 * {@link TemplateValidator} accepts, the samples are what it renders the template with to find
 * errors before anything is saved.
 */
public record TemplateVariables(Map<String, Object> samples) {

    /** What every mail knows. */
    public static final TemplateVariables CUSTOMER =
            new TemplateVariables(Map.of("shopName", "Aftercare デモショップ", "customerName", "山田 花子"));

    /** What every order mail knows ({@link OrderMailVariables} builds the real values). */
    public static final TemplateVariables ORDER = CUSTOMER.with(Map.ofEntries(
            Map.entry("orderNumber", "A-1001"),
            Map.entry("placedAt", "2026年11月20日 10:00"),
            Map.entry("total", "¥1,800"),
            Map.entry("discreet", false),
            Map.entry("carrier", "ヤマト運輸"),
            Map.entry("trackingNumber", "4000-1111-2222"),
            Map.entry("trackingUrl", "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=400011112222"),
            Map.entry("portalUrl", "https://shop.example/portal/order?token=sample"),
            Map.entry("surveyUrl", "https://shop.example/review?order=A-1001"),
            Map.entry(
                    "lines",
                    List.of(Map.of(
                            "name", "オーガニックコットンTシャツ",
                            "quantity", 1,
                            "amount", "¥1,800",
                            "tips", "はじめは単独で、ぬるま湯で手洗いしてください。")))));

    /**
     * What the pipeline adds to every promotional mail: the opt-out link and the sender's address
     * (特定電子メール法).
     */
    public static final Map<String, Object> PROMOTIONAL = Map.of(
            "unsubscribeUrl", "https://shop.example/portal/unsubscribe?token=sample", "shopAddress", "東京都渋谷区神宮前1-2-3");

    public TemplateVariables {
        samples = Map.copyOf(samples);
    }

    public Set<String> names() {
        return samples.keySet();
    }

    public TemplateVariables with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(samples);
        all.putAll(more);
        return new TemplateVariables(all);
    }

    /** The names both sets know, with this set's samples: what a template used in both places may name. */
    public TemplateVariables common(TemplateVariables other) {
        Map<String, Object> all = new LinkedHashMap<>(samples);
        all.keySet().retainAll(other.names());
        return new TemplateVariables(all);
    }
}
