package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEIC = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0};
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0};
    static final byte[] M4A = {0, 0, 0, 0x1C, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0};

    final AttachmentPolicy policy =
            new AttachmentPolicy(100, Set.of("image/jpeg", "image/png", "image/heic", "application/pdf", "text/plain"));

    @Test
    void shouldAcceptImagesAndPdfByTheirMagicBytes() {
        assertThat(policy.judge("image/jpeg", JPEG, JPEG.length).contentType()).isEqualTo("image/jpeg");
        assertThat(policy.judge("image/png", PNG, PNG.length).contentType()).isEqualTo("image/png");
        assertThat(policy.judge("application/pdf", PDF, PDF.length).contentType())
                .isEqualTo("application/pdf");
        assertThat(policy.judge("image/heic", HEIC, HEIC.length).contentType()).isEqualTo("image/heic");
    }

    @Test
    void shouldTellAVideoFromAVoiceRecordingByTheContainersBrandOnlyWhereAllowed() {
        AttachmentPolicy media = new AttachmentPolicy(100, Set.of("video/mp4", "audio/mp4"));

        assertThat(media.judge("video/mp4", MP4, MP4.length).contentType()).isEqualTo("video/mp4");
        // a phone's .mov and LINE's name for a voice message are the same containers
        assertThat(media.judge("video/quicktime", MP4, MP4.length).contentType())
                .isEqualTo("video/mp4");
        assertThat(media.judge("audio/x-m4a", M4A, M4A.length).contentType()).isEqualTo("audio/mp4");
        assertThat(media.judge("video/mp4", M4A, M4A.length).accepted()).isFalse();
        assertThat(policy.judge("video/mp4", MP4, MP4.length).reason()).isEqualTo("type video/mp4 is not accepted");
        assertThat(media.judge("image/heic", HEIC, HEIC.length).reason()).isEqualTo("type image/heic is not accepted");
    }

    @Test
    void shouldTakeTheDetectedTypeWhenTheSenderDeclaredOnlyOctetStream() {
        AttachmentPolicy.Verdict verdict = policy.judge("application/octet-stream", PNG, PNG.length);
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.contentType()).isEqualTo("image/png");
    }

    @Test
    void shouldRefuseContentThatIsNotWhatItsDeclaredTypeSays() {
        byte[] text = "not a picture".getBytes(StandardCharsets.US_ASCII);
        assertThat(policy.judge("image/jpeg", text, text.length).reason())
                .isEqualTo("declared image/jpeg but the content is text/plain");
        assertThat(policy.judge("image/jpeg", EXE, EXE.length).accepted()).isFalse();
    }

    @Test
    void shouldRefuseTypesThatAreNotAllowedEvenWhenHonestlyDeclared() {
        assertThat(policy.judge("application/octet-stream", EXE, EXE.length).reason())
                .isEqualTo("type application/octet-stream is not accepted");
    }

    @Test
    void shouldRefuseWhatIsOverTheLimit() {
        assertThat(policy.judge("image/jpeg", null, 101).accepted()).isFalse();
        assertThat(policy.judge("image/jpeg", new byte[101], 101).reason()).startsWith("larger than");
    }
}
