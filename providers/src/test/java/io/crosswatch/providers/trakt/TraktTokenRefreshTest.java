package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktOAuth.Grant;
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

class TraktTokenRefreshTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final RecordingLog log = new RecordingLog();
  private final List<String> messages = new ArrayList<>();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    trakt.close();
  }

  private Provider provider(Tokens inConfig) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeTraktServer.CLIENT_ID);
    settings.put("client_secret", FakeTraktServer.CLIENT_SECRET);
    settings.put("access_token", inConfig.accessToken());
    settings.put("refresh_token", inConfig.refreshToken());
    settings.put("expires_at", inConfig.expiresAt());
    settings.put("base_url", trakt.baseUrl());
    ProviderContext context =
        new ProviderContext(
            "TRAKT", "default", settings, "trakt", stateDir, stateDir, time, true, log);
    return new TraktProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  private static Tokens tokens(Grant g) {
    return Tokens.of(g.accessToken(), g.refreshToken(), g.expiresAt().getEpochSecond());
  }

  private Tokens stored() throws Exception {
    return new TokenStore(stateDir).load("TRAKT", "default").orElseThrow();
  }

  private List<String> bearers() {
    return trakt.requests().stream()
        .map(RecordedRequest::request)
        .map(r -> r.header("authorization").orElse(""))
        .toList();
  }

  private void snapshotCatching(Provider p) {
    snapshotCatching(p, Feature.WATCHLIST);
  }

  private void snapshotCatching(Provider p, Feature feature) {
    try {
      p.snapshot(feature);
    } catch (ProviderException e) {
      messages.add(e.getMessage());
    }
  }

  @Test
  void refreshesBeforeUseWhenTheTokenExpiresWithinTheMargin() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(23).plusMinutes(30));

    provider(tokens(grant)).snapshot(Feature.WATCHLIST);

    Tokens now = stored();
    assertThat(trakt.requests().get(0).endpoint()).isEqualTo("POST /oauth/token");
    assertThat(now.accessToken()).isNotEqualTo(grant.accessToken());
    assertThat(now.refreshToken()).isNotEqualTo(grant.refreshToken());
    assertThat(now.expiresAt())
        .isEqualTo(time.instant().plus(Duration.ofHours(24)).getEpochSecond());
    assertThat(bearers().subList(1, bearers().size())).containsOnly("Bearer " + now.accessToken());
  }

  @Test
  void doesNotRefreshATokenFarFromExpiry() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(20));

    provider(tokens(grant)).snapshot(Feature.WATCHLIST);

    assertThat(trakt.count("POST /oauth/token")).isZero();
    assertThat(new TokenStore(stateDir).load("TRAKT", "default")).isEmpty();
  }

  @Test
  void refreshesOnceOnA401AndRetriesTheCall() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    trakt.revokeToken(grant.accessToken());

    provider(Tokens.of(grant.accessToken(), grant.refreshToken(), 0)).snapshot(Feature.WATCHLIST);

    assertThat(trakt.requests())
        .extracting(r -> r.endpoint() + " " + r.status())
        .containsExactly(
            "GET /sync/last_activities 401",
            "POST /oauth/token 200",
            "GET /sync/last_activities 200",
            "GET /sync/watchlist 200");
    assertThat(bearers().get(2)).isEqualTo("Bearer " + stored().accessToken());
  }

  @Test
  void refreshesOnlyOnceAfter401sThenReportsAuth() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    Provider p = provider(Tokens.of(grant.accessToken(), grant.refreshToken(), 0));
    trakt.revokeToken(grant.accessToken());
    p.snapshot(Feature.WATCHLIST);
    trakt.revokeToken(stored().accessToken());

    assertThatThrownBy(() -> p.snapshot(Feature.RATINGS))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.getMessage()).contains("401", "cw auth trakt");
            });
    assertThat(trakt.count("POST /oauth/token")).isEqualTo(1);
  }

  @Test
  void theNewPairIsSavedBeforeItsAccessTokenIsUsedSoACrashLosesNothing() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(24));
    // The first call with the new token fails for good: as if the process died right there.
    trakt.faults().failNext(12, 500, "/sync/");
    snapshotCatching(provider(tokens(grant)));
    Tokens saved = stored();

    // A new run, whose config still holds the old (now used up) pair, works from the store.
    provider(tokens(grant)).snapshot(Feature.WATCHLIST);

    assertThat(messages).singleElement().asString().contains("500");
    assertThat(trakt.count("POST /oauth/token")).isEqualTo(1);
    assertThat(saved.accessToken()).isNotEqualTo(grant.accessToken());
    assertThat(bearers()).allMatch(b -> !b.equals("Bearer " + grant.accessToken()));
    assertThat(bearers().get(bearers().size() - 1)).isEqualTo("Bearer " + saved.accessToken());
  }

  @Test
  void anOldRefreshTokenIsRefusedAndTheStoredTokensAreKept() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(24));
    provider(tokens(grant)).snapshot(Feature.WATCHLIST);
    // Someone else used the stored refresh token meanwhile: ours is worthless now.
    Tokens s = stored();
    new TokenStore(stateDir).save("TRAKT", "default", Tokens.of(s.accessToken(), "stale", 1));
    Path file = new TokenStore(stateDir).file("TRAKT", "default");
    byte[] before = Files.readAllBytes(file);
    time.advance(Duration.ofHours(24));

    assertThatThrownBy(() -> provider(tokens(grant)).snapshot(Feature.WATCHLIST))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage())
                  .contains("POST /oauth/token: 401", "stored tokens are kept", "cw auth trakt");
            });
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aRefusedRefreshWhileTheTokenStillWorksIsAWarningAndTheRunGoesOn() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(23).plusMinutes(30));
    Tokens config =
        Tokens.of(grant.accessToken(), "unknown-refresh", grant.expiresAt().getEpochSecond());

    provider(config).snapshot(Feature.WATCHLIST);

    assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("refused", "cw auth trakt"));
    assertThat(new TokenStore(stateDir).load("TRAKT", "default")).isEmpty();
    assertThat(trakt.count("GET /sync/watchlist")).isEqualTo(1);
  }

  @Test
  void aRefreshThatFailsTransientlyKeepsTheTokensAndCanBeRetried() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(25));
    trakt.faults().failNext(12, 503, "/oauth/token");
    Provider p = provider(tokens(grant));

    assertThatThrownBy(() -> p.snapshot(Feature.WATCHLIST))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
    assertThat(new TokenStore(stateDir).load("TRAKT", "default")).isEmpty();

    p.snapshot(Feature.WATCHLIST);
    assertThat(stored().accessToken()).isNotEqualTo(grant.accessToken());
  }

  @Test
  void storedTokensWinOverTheConfigBlock() throws Exception {
    Grant old = trakt.oauth().issue(trakt.user());
    Grant current = trakt.oauth().issue(trakt.user());
    trakt.revokeToken(old.accessToken());
    new TokenStore(stateDir).save("TRAKT", "default", tokens(current));

    provider(tokens(old)).snapshot(Feature.WATCHLIST);

    assertThat(bearers()).containsOnly("Bearer " + current.accessToken());
  }

  @Test
  void healthRefreshesWhenOnlyARefreshTokenIsKnown() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());

    HealthReport report = provider(Tokens.of("", grant.refreshToken(), 0)).health();

    assertThat(report.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(stored().refreshToken()).isNotEqualTo(grant.refreshToken());
  }

  @Test
  void tokenFilesWrittenByARefreshAreOwnerOnly() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(24));

    provider(tokens(grant)).snapshot(Feature.WATCHLIST);

    Path file = new TokenStore(stateDir).file("TRAKT", "default");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void noTokenAppearsInAnyLogLineOrMessage() throws Exception {
    Grant grant = trakt.oauth().issue(trakt.user());
    time.advance(Duration.ofHours(24));
    Provider p = provider(tokens(grant));
    p.health();
    trakt.revokeToken(stored().accessToken());
    snapshotCatching(p, Feature.WATCHLIST);
    trakt.revokeToken(stored().accessToken());
    snapshotCatching(p, Feature.RATINGS);
    Tokens refreshed = stored();
    new TokenStore(stateDir)
        .save("TRAKT", "default", Tokens.of(refreshed.accessToken(), "stale-refresh", 1));
    messages.add(provider(tokens(grant)).health().message());
    snapshotCatching(provider(tokens(grant)), Feature.HISTORY);

    Tokens last = refreshed;
    String all = String.join("\n", log.lines()) + "\n" + String.join("\n", messages);
    assertThat(log.lines()).isNotEmpty();
    assertThat(messages).hasSize(3);
    assertThat(all)
        .doesNotContain(grant.accessToken(), grant.refreshToken())
        .doesNotContain(last.accessToken(), last.refreshToken())
        .doesNotContain(FakeTraktServer.CLIENT_SECRET, FakeTraktServer.CLIENT_ID)
        .doesNotContain("fake-access-token", "fake-refresh-token");
  }
}
