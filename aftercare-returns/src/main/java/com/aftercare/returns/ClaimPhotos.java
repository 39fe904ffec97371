package com.aftercare.returns;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos a customer attaches to a claim. The type is read from the file's first bytes (JPEG, PNG,
 * WebP, HEIC), never taken from the name or the browser's word; each is at most {@link #MAX_BYTES}
 * and a claim holds at most {@link #MAX_COUNT}. Stored in the database under a random key; callers
 * decide who may see them (the portal only for the claim's own order, the console for operators).
 */
@Service
public class ClaimPhotos {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_COUNT = 5;

    /** Why a photo was refused; the portal words each one. */
    public enum Refusal {
        EMPTY,
        TOO_LARGE,
        NOT_AN_IMAGE,
        TOO_MANY
    }

    /** A refused photo, naming it as {@code photos[i]} (or {@code photos} for too many). */
    public static class PhotoRefused extends InvalidValue {

        private final Refusal refusal;

        PhotoRefused(String field, Refusal refusal) {
            super(field, "photo refused: " + refusal);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    public record PhotoInfo(UUID key, String contentType, int sizeBytes, Instant uploadedAt) {

        /** Whether a browser can show it inline (HEIC mostly cannot). */
        public boolean displayable() {
            return !"image/heic".equals(contentType);
        }
    }

    public record Photo(String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ClaimPhotos(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Checks photos before anything is written, so a request with a bad photo is refused whole.
     *
     * @throws PhotoRefused for the first photo that is empty, too large, not an image, or one too many
     */
    public static void check(List<byte[]> photos) {
        if (photos.size() > MAX_COUNT) {
            throw new PhotoRefused("photos", Refusal.TOO_MANY);
        }
        for (int i = 0; i < photos.size(); i++) {
            typeOf("photos[" + i + "]", photos.get(i));
        }
    }

    /** Adds photos to the claim, in the caller's transaction ({@link ClaimRequests#open(ClaimRequests.OpenClaim, List)}). */
    void attach(String rma, List<byte[]> photos) {
        check(photos);
        if (photos.isEmpty()) {
            return;
        }
        long claim = jdbc.sql("select id from claim where rma = :rma for update")
                .param("rma", rma)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFound.claim(rma));
        int held = jdbc.sql("select count(*) from claim_photo where claim_id = :claim")
                .param("claim", claim)
                .query(Integer.class)
                .single();
        if (held + photos.size() > MAX_COUNT) {
            throw new PhotoRefused("photos", Refusal.TOO_MANY);
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < photos.size(); i++) {
            byte[] content = photos.get(i);
            jdbc.sql("""
                            insert into claim_photo (claim_id, photo_key, content_type, size_bytes, content, uploaded_at)
                            values (:claim, :key, :type, :size, :content, :at)
                            """)
                    .param("claim", claim)
                    .param("key", UUID.randomUUID())
                    .param("type", typeOf("photos[" + i + "]", content))
                    .param("size", content.length)
                    .param("content", content)
                    .param("at", now)
                    .update();
        }
    }

    /** The claim's photos, oldest first (no content). */
    @Transactional(readOnly = true)
    public List<PhotoInfo> of(String rma) {
        return jdbc.sql("""
                        select p.photo_key, p.content_type, p.size_bytes, p.uploaded_at
                          from claim_photo p join claim c on c.id = p.claim_id
                         where c.rma = :rma order by p.id
                        """)
                .param("rma", rma)
                .query((rs, n) -> new PhotoInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** One photo of the claim; empty when the key names no photo of this claim. */
    @Transactional(readOnly = true)
    public Optional<Photo> content(String rma, UUID key) {
        return jdbc.sql("""
                        select p.content_type, p.content
                          from claim_photo p join claim c on c.id = p.claim_id
                         where c.rma = :rma and p.photo_key = :key
                        """)
                .param("rma", rma)
                .param("key", key)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** The image type by the file's signature; refuses anything else. */
    static String typeOf(String field, byte[] content) {
        if (content == null || content.length == 0) {
            throw new PhotoRefused(field, Refusal.EMPTY);
        }
        if (content.length > MAX_BYTES) {
            throw new PhotoRefused(field, Refusal.TOO_LARGE);
        }
        return detect(content).orElseThrow(() -> new PhotoRefused(field, Refusal.NOT_AN_IMAGE));
    }

    static Optional<String> detect(byte[] c) {
        if (startsWith(c, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(c, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (ascii(c, 0, "RIFF") && ascii(c, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        // ISO base media file: a box of type 'ftyp' whose major brand is one of HEIF's for images.
        if (ascii(c, 4, "ftyp") && c.length >= 12) {
            String brand = new String(Arrays.copyOfRange(c, 8, 12), StandardCharsets.US_ASCII);
            if (List.of("heic", "heix", "heim", "heis", "mif1", "msf1").contains(brand)) {
                return Optional.of("image/heic");
            }
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] c, int at, String text) {
        return startsWith(c, at, text.chars().toArray());
    }

    private static boolean startsWith(byte[] c, int at, int... expected) {
        if (c.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((c[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
