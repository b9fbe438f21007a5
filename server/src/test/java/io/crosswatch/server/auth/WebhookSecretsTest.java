package io.crosswatch.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.secrets.KnownSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook secrets: checked in constant time, and masked wherever they would be printed. */
class WebhookSecretsTest {
  @TempDir Path stateDir;

  @Test
  void aSecretStoredByAnotherProcessIsMaskedOnceAWebhookWasCheckedAgainstIt() throws Exception {
    Files.createDirectories(stateDir.resolve("secrets"));
    Files.writeString(
        stateDir.resolve("secrets").resolve("webhooks.json"),
        "{\"PLEX:home\": {\"secret\": \"cwh_stored-by-the-command-line-0001\","
            + " \"created_at\": \"2026-12-01T00:00:00Z\"}}");
    WebhookSecrets secrets = new WebhookSecrets(stateDir);

    boolean wrong = secrets.matches("PLEX", "home", "cwh_guessed");
    boolean right = secrets.matches("PLEX", "home", "cwh_stored-by-the-command-line-0001");

    assertThat(wrong).isFalse();
    assertThat(right).isTrue();
    assertThat(
            KnownSecrets.mask("POST /webhooks/plex/home?token=cwh_stored-by-the-command-line-0001"))
        .isEqualTo("POST /webhooks/plex/home?token=***");
  }

  @Test
  void aSourceWithoutASecretAcceptsNothing() {
    WebhookSecrets secrets = new WebhookSecrets(stateDir);

    assertThat(secrets.matches("PLEX", "home", "")).isFalse();
    assertThat(secrets.matches("PLEX", "home", null)).isFalse();
  }
}
