package com.aftercare.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackingLinksTest {

    @Test
    void shouldLinkToTheCarriersTrackingPageOrFallBackToCarrierAndNumber() {
        assertThat(TrackingLinks.of("ヤマト運輸", "1234-5678-9012"))
                .isEqualTo("https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789012");
        assertThat(TrackingLinks.of("sagawa", "4000")).startsWith("https://k2k.sagawa-exp.co.jp/");
        assertThat(TrackingLinks.of("西濃運輸", "777")).isEqualTo("西濃運輸 777");
        assertThat(TrackingLinks.of(null, "777")).isEqualTo("777");
        assertThat(TrackingLinks.of("yamato", null)).isNull();
    }

    @Test
    void shouldAnswerAUrlOnlyForACarrierItKnows() {
        assertThat(TrackingLinks.url("ＪＡＰＡＮＰＯＳＴ", " 1111-2222 "))
                .hasValue("https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=11112222");
        assertThat(TrackingLinks.url("西濃運輸", "777")).isEmpty();
        assertThat(TrackingLinks.url("yamato", " ")).isEmpty();
        assertThat(TrackingLinks.url(null, "777")).isEmpty();
    }
}
