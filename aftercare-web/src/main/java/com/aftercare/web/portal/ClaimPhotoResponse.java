package com.aftercare.web.portal;

import com.aftercare.returns.ClaimPhotos;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A claim photo as an HTTP answer, for the portal and the console alike: the type we detected
 * (never the uploader's), no sniffing, a file name of our own, and never kept in a shared cache.
 */
public final class ClaimPhotoResponse {

    private ClaimPhotoResponse() {}

    public static ResponseEntity<byte[]> of(UUID key, ClaimPhotos.Photo photo) {
        String extension = photo.contentType().substring("image/".length());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("photo-" + key + "." + extension)
                                .build()
                                .toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(photo.content());
    }
}
