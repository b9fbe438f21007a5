package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktOAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TraktDeviceAuthTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final List<String> out = new ArrayList<>();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    trakt.close();
  }

  private ObjectNode settings() {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeTraktServer.CLIENT_ID);
    settings.put("client_secret", FakeTraktServer.CLIENT_SECRET);
    settings.put("base_url", trakt.baseUrl());
    return settings;
  }

  private TraktDeviceAuth auth() {
    return auth(settings(), "default");
  }

  private TraktDeviceAuth auth(ObjectNode settings, String instance) {
    return new TraktDeviceAuth(
        TraktSettings.from(settings), instance, stateDir, time, time.sleeper(), out::add);
  }

  private TokenStore store() {
    return new TokenStore(stateDir);
  }

  @Test
  void pollsWhilePendingThenSavesTheTokens() throws Exception {
    trakt.oauth().approveAfter(2);

    TraktDeviceAuth.Result result = auth().authorize();

    Tokens saved = store().load("TRAKT", "default").orElseThrow();
    assertThat(out)
        .containsExactly(
            "Open "
                + TraktOAuth.VERIFICATION_URL
                + " and enter code "
                + trakt.oauth().lastUserCode().orElseThrow());
    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(trakt.requests())
        .extracting(r -> r.endpoint() + " " + r.status())
        .startsWith(
            "POST /oauth/device/code 200",
            "POST /oauth/device/token 400",
            "POST /oauth/device/token 400",
            "POST /oauth/device/token 200");
    assertThat(result.username()).contains("crosswatch");
    assertThat(result.tokenFile()).isEqualTo(store().file("TRAKT", "default"));
    assertThat(saved.hasAccessToken()).isTrue();
    assertThat(saved.hasRefreshToken()).isTrue();
    assertThat(saved.expiresAt())
        .isEqualTo(time.instant().plus(Duration.ofHours(24)).getEpochSecond());
    assertThat(saved.extras()).containsEntry("username", "crosswatch");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.tokenFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void aProviderWithoutTokensInItsConfigUsesTheSavedOnes() throws Exception {
    trakt.oauth().approveAfter(0);
    auth().authorize();
    ObjectNode settings = settings();
    settings.remove("client_secret");
    ProviderContext context =
        new ProviderContext(
            "TRAKT",
            "default",
            settings,
            "trakt",
            stateDir,
            stateDir,
            time,
            false,
            DiagnosticLog.silent());

    Provider provider =
        new TraktProviderFactory()
            .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));

    assertThat(provider.health().status()).isEqualTo(HealthReport.Status.OK);
  }

  @Test
  void aDeniedAuthorizationStopsAndKeepsTheTokensStoredBefore() throws Exception {
    Tokens before = Tokens.of("earlier-access", "earlier-refresh", 123);
    store().save("TRAKT", "default", before);
    trakt.oauth().denyAfter(1);

    assertThatThrownBy(() -> auth().authorize())
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("denied", "418", "cw auth trakt");
            });
    assertThat(store().load("TRAKT", "default")).contains(before);
  }

  @Test
  void aCodeThatExpiresStopsWithoutSaving() throws Exception {
    trakt.oauth().deviceExpiry(Duration.ofSeconds(30));

    assertThatThrownBy(() -> auth().authorize())
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("expired");
    assertThat(store().load("TRAKT", "default")).isEmpty();
    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anExpiredAnswerStops() throws Exception {
    trakt.faults().failNext(1, 410, "/oauth/device/token");

    assertThatThrownBy(() -> auth().authorize()).hasMessageContaining("expired", "410");
    assertThat(trakt.count("POST /oauth/device/token")).isEqualTo(1);
  }

  @Test
  void aCodeUsedAlreadyOrUnknownStops() throws Exception {
    trakt.faults().failNext(1, 409, "/oauth/device/token");
    assertThatThrownBy(() -> auth().authorize()).hasMessageContaining("used already (409)");

    trakt.faults().failNext(1, 404, "/oauth/device/token");
    assertThatThrownBy(() -> auth().authorize()).hasMessageContaining("404");
  }

  @Test
  void slowDownMakesThePollingSlower() throws Exception {
    trakt.faults().failNext(1, 429, "/oauth/device/token");
    trakt.oauth().approveAfter(0);

    auth().authorize();

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertThat(store().load("TRAKT", "default")).isPresent();
  }

  @Test
  void pollingFasterThanTheIntervalIsAnsweredWithSlowDown() throws Exception {
    trakt.oauth().deviceInterval(Duration.ofSeconds(5));
    trakt.oauth().approveAfter(1);
    // A sleeper that waits only half the asked time, as a careless client would.
    TraktDeviceAuth hasty =
        new TraktDeviceAuth(
            TraktSettings.from(settings()),
            "default",
            stateDir,
            time,
            d -> time.advance(d.dividedBy(2)),
            out::add);

    hasty.authorize();

    assertThat(trakt.requests()).extracting(r -> r.status()).contains(429);
  }

  @Test
  void transientServerErrorsWhilePollingAreRiddenOut() throws Exception {
    trakt.faults().failNext(2, 503, "/oauth/device/token");
    trakt.oauth().approveAfter(0);

    auth().authorize();

    assertThat(store().load("TRAKT", "default")).isPresent();
  }

  @Test
  void aRefusedClientIdStopsAtOnce() throws Exception {
    ObjectNode settings = settings().put("client_id", "wrong-client");

    assertThatThrownBy(() -> auth(settings, "default").authorize())
        .hasMessageContaining("client_id");
    assertThat(out).isEmpty();
  }

  @Test
  void namedInstancesGetTheirOwnFile() throws Exception {
    trakt.oauth().approveAfter(0);

    auth(settings(), "work").authorize();

    assertThat(store().load("TRAKT", "work")).isPresent();
    assertThat(store().load("TRAKT", "default")).isEmpty();
  }

  @Test
  void problemsNameTheMissingKeysByPath() {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode().put("client_id", "x");
    ObjectNode blank = JsonMapper.builder().build().createObjectNode().put("client_id", "  ");

    assertThat(TraktDeviceAuth.problems(TraktSettings.from(settings), "trakt.instances.work"))
        .singleElement()
        .asString()
        .startsWith("trakt.instances.work.client_secret: missing");
    assertThat(TraktDeviceAuth.problems(TraktSettings.from(blank), "trakt"))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("trakt.client_id", "trakt.client_secret");
    assertThat(TraktDeviceAuth.problems(TraktSettings.from(settings()), "trakt")).isEmpty();
  }

  @Test
  void nothingPrintedCarriesAToken() throws Exception {
    trakt.oauth().approveAfter(1);

    auth().authorize();

    Tokens saved = store().load("TRAKT", "default").orElseThrow();
    assertThat(String.join("\n", out))
        .doesNotContain(saved.accessToken(), saved.refreshToken(), FakeTraktServer.CLIENT_SECRET);
  }
}
