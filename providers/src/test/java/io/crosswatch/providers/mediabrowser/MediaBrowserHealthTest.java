package io.crosswatch.providers.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.HealthReport.Status;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaBrowserHealthTest {

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void healthReportsProductVersionAndTheUser(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      HealthReport report = bed.provider().health();

      assertThat(report.status()).isEqualTo(Status.OK);
      assertThat(report.features()).containsExactlyInAnyOrder(Feature.values());
      assertThat(report.details())
          .containsEntry("product", dialect.productName())
          .containsEntry("version", dialect.version())
          .containsEntry("user", FakeMediaBrowserServer.USERNAME)
          .containsEntry("auth", "valid")
          .containsEntry("watchlist", "favorites");
      assertThat(report.latency()).isPositive();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aBadTokenIsAuthFailedWithoutShowingIt(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      HealthReport report = bed.provider(s -> s.put("access_token", "wrong-token")).health();

      assertThat(report.status()).isEqualTo(Status.AUTH_FAILED);
      assertThat(report.message()).contains(": 401").doesNotContain("wrong-token");
      assertThat(report.features()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void anEmptyTokenOrUserIsAuthFailedWithoutCalling(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      HealthReport noToken = bed.provider(s -> s.put("access_token", "")).health();
      HealthReport noUser = bed.provider(s -> s.remove("user_id")).health();

      assertThat(noToken.status()).isEqualTo(Status.AUTH_FAILED);
      assertThat(noToken.message()).contains("access_token is empty", "cw auth");
      assertThat(noUser.message()).contains("user_id is empty");
      assertThat(bed.server.requests()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aTokenOfAnotherUserIsAuthFailed(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbUser bob = bed.server.addUser("bob", "pw");

      HealthReport report = bed.provider(s -> s.put("user_id", bob.id())).health();

      assertThat(report.status()).isEqualTo(Status.AUTH_FAILED);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void anOutageIsDown(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.faults().failNext(10, 503);

      HealthReport report = bed.provider().health();

      assertThat(report.status()).isEqualTo(Status.DOWN);
      assertThat(report.message()).contains("503");
    }
  }

  @Test
  void aJellyfinServerConfiguredAsEmbyIsDown() {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(ServerDialect.JELLYFIN)) {
      MediaBrowserTestbed asEmby = bed;
      HealthReport report =
          new EmbyProviderFactory()
              .create(
                  new io.crosswatch.core.provider.ProviderContext(
                      "EMBY",
                      "default",
                      asEmby.settings(),
                      "emby",
                      java.nio.file.Path.of("."),
                      java.nio.file.Path.of("."),
                      asEmby.time,
                      false,
                      DiagnosticLog.silent()))
              .health();

      assertThat(report.status()).isEqualTo(Status.DOWN);
      assertThat(report.message()).contains("configure it under \"jellyfin\"");
    }
  }

  @Test
  void embyPathsUnderTheEmbyPrefixAreFoundByProbing() throws Exception {
    try (MediaBrowserTestbed bed =
        new MediaBrowserTestbed(ServerDialect.EMBY, b -> b.prefixOnly(true))) {
      bed.server.library().generateMovies(2);

      var p = bed.provider();
      HealthReport report = p.health();

      assertThat(report.status()).isEqualTo(Status.OK);
      assertThat(report.details()).containsEntry("path_prefix", "/emby");
      assertThat(p.snapshot(Feature.WATCHLIST)).isEmpty();
      assertThat(bed.server.requests().get(0).status()).isEqualTo(404);
      assertThat(bed.server.requests().subList(1, bed.server.requests().size()))
          .allMatch(r -> r.path().startsWith("/emby/") && r.status() == 200);
    }
  }

  @Test
  void olderJellyfinVersionsAreRecognised() {
    assertThat(MediaBrowserHealth.olderThan("10.8.13", 10, 9)).isTrue();
    assertThat(MediaBrowserHealth.olderThan("10.9.0", 10, 9)).isFalse();
    assertThat(MediaBrowserHealth.olderThan("10.11.2", 10, 9)).isFalse();
    assertThat(MediaBrowserHealth.olderThan("dev", 10, 9)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void authenticateLogsInAndTheTokenWorks(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbUser bob = bed.server.addUser("bob", "bob-pw");
      MediaBrowserAuthenticator auth = authenticator(bed, false);

      MediaBrowserAuthenticator.Login login = auth.authenticate("bob", "bob-pw");

      assertThat(login.userId()).isEqualTo(bob.id());
      assertThat(login.userName()).isEqualTo("bob");
      assertThat(login.serverId()).isEqualTo(bed.server.serverId());
      assertThat(login.toString()).doesNotContain(login.accessToken());
      HealthReport report =
          bed.provider(
                  s -> s.put("access_token", login.accessToken()).put("user_id", login.userId()))
              .health();
      assertThat(report.status()).isEqualTo(Status.OK);
      assertThat(report.details()).containsEntry("user", "bob");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void loggingInAgainFromTheSameDeviceRevokesTheOldToken(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.addUser("bob", "bob-pw");
      MediaBrowserAuthenticator auth = authenticator(bed, false);

      String first = auth.authenticate("bob", "bob-pw").accessToken();
      String second = auth.authenticate("bob", "bob-pw").accessToken();

      assertThat(bed.server.tokenValid(first)).isFalse();
      assertThat(bed.server.tokenValid(second)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aWrongPasswordIsAnAuthFailure(ServerDialect dialect) {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MediaBrowserAuthenticator auth = authenticator(bed, true);

      assertThatThrownBy(() -> auth.authenticate(FakeMediaBrowserServer.USERNAME, "guess"))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
                assertThat(e.getMessage())
                    .contains("wrong user name or password")
                    .doesNotContain("guess");
              });
    }
  }

  /**
   * The factory's login helper for the testbed's server, from its settings as a sign-in reads them.
   */
  private static MediaBrowserAuthenticator authenticator(
      MediaBrowserTestbed bed, boolean debugHttp) {
    return bed.factory()
        .authenticator(
            MediaBrowserProviderFactory.settings(bed.settings(), "default"),
            "default",
            DiagnosticLog.silent(),
            debugHttp,
            bed.time.sleeper());
  }
}
