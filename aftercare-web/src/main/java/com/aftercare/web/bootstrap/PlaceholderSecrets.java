package com.aftercare.web.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start while a secret still holds a published placeholder ("change-me…"). Earlier
 * versions of docker-compose.yml shipped such defaults, so a shop that ran {@code docker compose
 * up} got a console anyone who had read the file could enter; an instance configured from an old
 * copy of that file, or from a guide that quoted it, must stop here instead of serving.
 *
 * <p>Keys are checked raw and, where they are Base64 (the bank-account and secrets keys),
 * decoded as well, since the old bank-account default was the Base64 of a "change-me" text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlaceholderSecrets {

    static final List<String> PROPERTIES = List.of(
            "aftercare.bootstrap.admin-password",
            "aftercare.bootstrap.api-key",
            "aftercare.link-secret",
            "aftercare.returns.bank-account-key",
            "aftercare.secrets.key",
            "aftercare.metrics.token",
            "spring.datasource.password");

    private static final Pattern PLACEHOLDER = Pattern.compile("(^|[^a-z])change[-_ ]?me");

    PlaceholderSecrets(Environment environment) {
        List<String> offending = offending(environment);
        if (!offending.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(", ", offending)
                    + " still hold a published placeholder value (\"change-me…\"). Set real secrets, e.g."
                    + " `openssl rand -base64 32`, in the environment or compose's .env file.");
        }
    }

    static List<String> offending(Environment environment) {
        List<String> offending = new ArrayList<>();
        for (String property : PROPERTIES) {
            String value = environment.getProperty(property);
            if (value != null && isPlaceholder(value)) {
                offending.add(property);
            }
        }
        return offending;
    }

    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value.toLowerCase(Locale.ROOT)).find()
                || PLACEHOLDER
                        .matcher(base64Decoded(value).toLowerCase(Locale.ROOT))
                        .find();
    }

    private static String base64Decoded(String value) {
        try {
            return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
