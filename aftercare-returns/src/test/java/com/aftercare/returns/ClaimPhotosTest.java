package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimPhotosTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};

    @Test
    void shouldRecogniseImagesByTheirFirstBytes() {
        assertThat(ClaimPhotos.detect(JPEG)).contains("image/jpeg");
        assertThat(ClaimPhotos.detect(PNG)).contains("image/png");
        assertThat(ClaimPhotos.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .contains("image/webp");
        assertThat(ClaimPhotos.detect("\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.US_ASCII)))
                .contains("image/heic");
    }

    @Test
    void shouldRefuseAPdfOrTextWhateverItIsCalled() {
        assertThat(ClaimPhotos.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(ClaimPhotos.detect("just text".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ClaimPhotos.detect("\0\0\0\u0018ftypmp42".getBytes(StandardCharsets.US_ASCII)))
                .as("a video in the same container is not a photo")
                .isEmpty();
        assertThatThrownBy(() -> ClaimPhotos.check(List.of(JPEG, "%PDF".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOfSatisfying(ClaimPhotos.PhotoRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("photos[1]");
                    assertThat(e.refusal()).isEqualTo(ClaimPhotos.Refusal.NOT_AN_IMAGE);
                });
    }

    @Test
    void shouldRefuseAnEmptyAnOversizedPhotoAndOneTooMany() {
        byte[] big = new byte[ClaimPhotos.MAX_BYTES + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);

        assertThatThrownBy(() -> ClaimPhotos.check(List.of(new byte[0])))
                .hasFieldOrPropertyWithValue("refusal", ClaimPhotos.Refusal.EMPTY);
        assertThatThrownBy(() -> ClaimPhotos.check(List.of(big)))
                .hasFieldOrPropertyWithValue("refusal", ClaimPhotos.Refusal.TOO_LARGE);
        assertThatThrownBy(() -> ClaimPhotos.check(Collections.nCopies(ClaimPhotos.MAX_COUNT + 1, JPEG)))
                .hasFieldOrPropertyWithValue("refusal", ClaimPhotos.Refusal.TOO_MANY);
    }
}
