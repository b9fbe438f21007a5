package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.providers.file.FileProviderFactory;
import io.crosswatch.server.auth.WebhookSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code cw web webhooks}: the URLs to paste into the media servers, and rotating a secret. */
class WebhooksCommandTest {
  @TempDir Path dir;

  private static ProviderFactory mediaServer(String name) {
    return new ProviderFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<ScrobbleRole> scrobbleRoles() {
        return Set.of(ScrobbleRole.SOURCE);
      }

      @Override
      public List<ConfigIssue> validate(JsonNode settings, String path) {
        return List.of();
      }

      @Override
      public Provider create(ProviderContext context) {
        throw new UnsupportedOperationException("the command builds no provider");
      }
    };
  }

  private Cli.Result cw(String... args) {
    return Cli.run(
        Map.of(),
        () ->
            ProviderRegistry.of(
                new FileProviderFactory(), mediaServer("PLEX"), mediaServer("JELLYFIN")),
        args);
  }

  private Path config(String web, boolean enabled) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        """
        {"runtime": {"state_dir": "state"},
         "file": {"path": "library.json"}, "plex": {"instances": {"living room": {}}},
         "jellyfin": {}, "pairs": [], %s
         "scrobble": {"enabled": %s, "sources": [
           {"provider": "PLEX", "via": "webhook", "users": ["alice"]},
           {"provider": "PLEX", "instance": "living room", "via": "webhook", "users": ["bob"]},
           {"provider": "JELLYFIN", "via": "watch", "users": ["carol"]}]}}
        """
            .formatted(web, enabled));
    return file;
  }

  @Test
  void printsOneUrlPerWebhookSourceWithItsSecretKeptInAnOwnerOnlyFile() throws Exception {
    Path config = config("\"web\": {\"listen\": \"192.168.1.5:8787\"},", true);

    Cli.Result first = cw("web", "webhooks", "--config", config.toString());
    Cli.Result again = cw("web", "webhooks", "--config", config.toString());

    assertThat(first.code()).as(first.err()).isZero();
    WebhookSecrets secrets = new WebhookSecrets(dir.resolve("state"));
    String plex = secrets.secret("PLEX", "default", Cli.CLOCK.instant());
    String living = secrets.secret("PLEX", "living room", Cli.CLOCK.instant());
    assertThat(first.out())
        .contains("PLEX:default      http://192.168.1.5:8787/webhook/plex?token=" + plex + "\n")
        .contains(
            "PLEX:living room  http://192.168.1.5:8787/webhook/plex?token="
                + living
                + "&instance=living+room\n")
        .doesNotContain("JELLYFIN");
    assertThat(plex).startsWith("cwh_").hasSizeGreaterThan(40).isNotEqualTo(living);
    assertThat(again.out()).as("the secrets stay until rotated").isEqualTo(first.out());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file())))
        .isEqualTo("rw-------");
  }

  @Test
  void rotateReplacesOneSourcesSecretAndTheOldOneNoLongerMatches() throws Exception {
    Path config = config("", true);
    cw("web", "webhooks", "--config", config.toString());
    WebhookSecrets secrets = new WebhookSecrets(dir.resolve("state"));
    String old = secrets.secret("PLEX", "default", Cli.CLOCK.instant());
    String otherBefore = secrets.secret("PLEX", "living room", Cli.CLOCK.instant());

    Cli.Result r =
        cw(
            "web",
            "webhooks",
            "--config",
            config.toString(),
            "--rotate",
            "plex",
            "--base-url",
            "https://cw.example.org/");

    String now = secrets.secret("PLEX", "default", Cli.CLOCK.instant());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(now).isNotEqualTo(old);
    assertThat(secrets.matches("PLEX", "default", old)).isFalse();
    assertThat(secrets.matches("PLEX", "default", now)).isTrue();
    assertThat(secrets.secret("PLEX", "living room", Cli.CLOCK.instant())).isEqualTo(otherBefore);
    assertThat(r.out()).contains("https://cw.example.org/webhook/plex?token=" + now);
    assertThat(r.err()).contains("The secret of PLEX:default is new");
  }

  @Test
  void rotatingASourceThatPostsNoWebhooksIsAUsageErrorNamingTheOnesThatDo() throws Exception {
    Path config = config("", true);

    Cli.Result r = cw("web", "webhooks", "--config", config.toString(), "--rotate", "JELLYFIN");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "--rotate JELLYFIN: not a webhook source; use one of PLEX:default, PLEX:living room");
  }

  @Test
  void theDefaultAddressIsLoopbackAndDisabledScrobblingIsPointedOut() throws Exception {
    Path config = config("", false);

    Cli.Result r = cw("web", "webhooks", "--config", config.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("http://127.0.0.1:8787/webhook/plex?token=cwh_");
    assertThat(r.err())
        .contains("only media servers on this machine can reach it")
        .contains("Scrobbling is off");
  }
}
