package com.aftercare.web.console.claims;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.ClaimPhotos;
import com.aftercare.web.portal.ClaimPhotoResponse;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A claim's photo for operators (any console role), for the claim page to link to. */
@Controller
class ClaimPhotosController {

    private final ClaimPhotos photos;

    ClaimPhotosController(ClaimPhotos photos) {
        this.photos = photos;
    }

    @GetMapping("/console/claims/{rma}/photos/{key}")
    ResponseEntity<byte[]> photo(@PathVariable String rma, @PathVariable UUID key) {
        return photos.content(rma, key).map(p -> ClaimPhotoResponse.of(key, p)).orElseThrow(() -> NotFound.claim(rma));
    }
}
