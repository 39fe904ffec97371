package com.aftercare.web.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PlaceholderSecretsTest {

    @Test
    void theOldComposeDefaultsAreRefusedAndNamed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("aftercare.bootstrap.admin-password", "change-me-admin-password")
                .withProperty("aftercare.link-secret", "change-me-to-32-or-more-random-characters")
                // the old bank-account default: Base64 of "change-me-bank-account-key-32byt"
                .withProperty("aftercare.returns.bank-account-key", "Y2hhbmdlLW1lLWJhbmstYWNjb3VudC1rZXktMzJieXQ=");

        assertThatThrownBy(() -> new PlaceholderSecrets(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aftercare.bootstrap.admin-password")
                .hasMessageContaining("aftercare.link-secret")
                .hasMessageContaining("aftercare.returns.bank-account-key");
    }

    @Test
    void realSecretsAndWordsThatMerelyContainChangeStart() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("aftercare.bootstrap.admin-password", "Exchange-me-never-9f2K")
                .withProperty("aftercare.link-secret", "q0l8c2R1tJ8m3Yw6pX4nZ1vB7aE5sK9d")
                .withProperty("aftercare.returns.bank-account-key", "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=")
                .withProperty("aftercare.metrics.token", "");

        assertThat(PlaceholderSecrets.offending(environment)).isEmpty();
        new PlaceholderSecrets(environment);
    }

    @Test
    void spellingsOfThePlaceholderAreAllCaught() {
        assertThat(PlaceholderSecrets.isPlaceholder("CHANGE_ME")).isTrue();
        assertThat(PlaceholderSecrets.isPlaceholder("changeme")).isTrue();
        assertThat(PlaceholderSecrets.isPlaceholder("please-change-me-now")).isTrue();
        assertThat(PlaceholderSecrets.isPlaceholder("exchangeme")).isFalse();
    }

    /** The shipped compose file must not carry a usable default for any secret. */
    @Test
    void composeFileRequiresEverySecretAndPublishesOnlyOnLoopbackByDefault() throws Exception {
        String compose = Files.readString(repositoryRoot().resolve("docker-compose.yml"));

        for (String required : new String[] {
            "AFTERCARE_DB_PASSWORD",
            "AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD",
            "AFTERCARE_LINK_SECRET",
            "AFTERCARE_RETURNS_BANK_ACCOUNT_KEY",
            "AFTERCARE_SECRETS_KEY"
        }) {
            Matcher uses = Pattern.compile("\\$\\{" + required + "([^}]*)}").matcher(compose);
            assertThat(uses.find()).as(required + " is used").isTrue();
            do {
                assertThat(uses.group(1))
                        .as(required + " must be required (${VAR:?…})")
                        .startsWith(":?");
            } while (uses.find());
        }
        assertThat(compose.toLowerCase()).doesNotContainPattern("(^|[^a-z])change[-_]?me");
        assertThat(compose).doesNotContain("POSTGRES_PASSWORD: aftercare");
        assertThat(compose).doesNotContainPattern("(?m)^\\s*- \"\\d+:\\d+\"");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "docker-compose.yml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
