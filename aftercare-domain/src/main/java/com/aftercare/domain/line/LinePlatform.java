package com.aftercare.domain.line;

import com.aftercare.domain.storefront.StorefrontId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a webhook only points at, read from LINE with the storefront's access token: a user's
 * display name (profile API) and the content of an image or file message (content API, on
 * api-data.line.me). Called outside any transaction: a slow LINE holds no database connection.
 */
@Service
public class LinePlatform {

    /** Downloaded content: LINE's Content-Type and the bytes. */
    public record Content(String contentType, byte[] bytes) {}

    private final LineChannels channels;
    private final LineApi api;

    LinePlatform(LineChannels channels, LineApi api) {
        this.channels = channels;
        this.api = api;
    }

    /** The user's display name; empty when LINE gives no profile (not a friend, blocked) or cannot be reached. */
    public Optional<String> displayName(StorefrontId storefront, String userId) {
        return channels.accessToken(storefront.value()).flatMap(token -> api.displayName(token, userId));
    }

    /** The content of message {@code messageId}; empty when LINE no longer keeps it, it is too large or LINE cannot be reached. */
    public Optional<Content> content(StorefrontId storefront, String messageId) {
        return channels.accessToken(storefront.value())
                .flatMap(token -> api.content(token, messageId))
                .map(c -> new Content(c.contentType(), c.bytes()));
    }
}
