package com.aftercare.inquiry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which attachments the desk keeps: the type is detected from the content (magic bytes), never
 * taken from the sender's word; a declared type that disagrees with the content is refused (a
 * program renamed {@code photo.jpg}); the size is limited. A pure function of its input. The
 * mailbox's settings ({@code aftercare.inquiry.mailbox.max-attachment-size}, {@code allowed-types})
 * hold for every channel that brings files in: LINE's files and images are judged by it too.
 */
public final class AttachmentPolicy {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final Set<String> HEIC_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");

    private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ");

    private final long maxSize;
    private final Set<String> allowedTypes;

    public AttachmentPolicy(long maxSize, Set<String> allowedTypes) {
        this.maxSize = maxSize;
        this.allowedTypes = allowedTypes.stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Accepted with the detected type, or refused with a reason for the operator. */
    public record Verdict(boolean accepted, String contentType, String reason) {

        static Verdict accept(String type) {
            return new Verdict(true, type, null);
        }

        static Verdict refuse(String reason) {
            return new Verdict(false, null, reason);
        }
    }

    public long maxSize() {
        return maxSize;
    }

    /** {@code content} is null when reading stopped at the limit ({@code size} is then over it). */
    public Verdict judge(String declaredType, byte[] content, long size) {
        if (content == null || size > maxSize) {
            return Verdict.refuse("larger than " + (maxSize / (1024 * 1024)) + " MB");
        }
        String declared =
                declaredType == null ? OCTET_STREAM : declaredType.strip().toLowerCase(Locale.ROOT);
        String detected = detect(content, declared);
        if (!declared.equals(OCTET_STREAM) && !declared.equals(detected) && !sameType(declared, detected)) {
            return Verdict.refuse("declared " + declared + " but the content is " + detected);
        }
        if (!allowedTypes.contains(detected)) {
            return Verdict.refuse("type " + detected + " is not accepted");
        }
        return Verdict.accept(detected);
    }

    /**
     * image/jpg and image/pjpeg are how some mailers spell image/jpeg; audio/x-m4a is how LINE and
     * others name a recording in an MP4 container; a phone's .mov is the same container as .mp4.
     */
    private static boolean sameType(String declared, String detected) {
        return detected.equals("image/jpeg") && (declared.equals("image/jpg") || declared.equals("image/pjpeg"))
                || detected.equals("image/heic") && declared.equals("image/heif")
                || detected.equals("audio/mp4") && (declared.equals("audio/x-m4a") || declared.equals("audio/m4a"))
                || detected.equals("video/mp4") && declared.equals("video/quicktime");
    }

    static String detect(byte[] b, String declared) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (b.length >= 12 && new String(b, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            // one ISO media container, told apart by its major brand: a photo, a voice recording
            // (what LINE's audio messages are) or a video (any other brand: isom, mp42, 3gp…)
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            if (HEIC_BRANDS.contains(brand)) {
                return "image/heic";
            }
            return AUDIO_BRANDS.contains(brand) ? "audio/mp4" : "video/mp4";
        }
        if (looksLikeText(b)) {
            return "text/plain";
        }
        return OCTET_STREAM;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(b, prefix.length), toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** No binary control bytes (tab, line breaks, form feed and ESC of ISO-2022-JP are text). */
    private static boolean looksLikeText(byte[] b) {
        for (byte x : b) {
            int c = x & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                return false;
            }
            if (c == 0x7F) {
                return false;
            }
        }
        return b.length > 0;
    }
}
