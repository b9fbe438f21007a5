package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.HealthReport.Status;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.providers.http.SelfSignedHttps;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code verify_ssl} of a Plex server behind HTTPS with a self-signed certificate (as one reached
 * by LAN address): reachable when false, down because of its certificate when true, the default.
 */
class PlexVerifySslTest {
  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final List<PlexTitle> movies =
      plex.catalogue().generateMovies(plex.catalogue().addMovieSection("Movies"), 2);
  @TempDir Path stateDir;
  private SelfSignedHttps https;

  @BeforeEach
  void startHttpsFront() throws Exception {
    https = SelfSignedHttps.inFrontOf(plex.serverUrl());
  }

  @AfterEach
  void stop() {
    https.close();
    plex.close();
  }

  private Provider provider(Consumer<ObjectNode> tweak) {
    ObjectNode settings = PlexApi.MAPPER.createObjectNode();
    settings.put("server_url", https.baseUri().toString());
    settings.put("discover_url", plex.discoverUrl().toString());
    settings.put("plex_tv_url", plex.plexTvUrl().toString());
    settings.put("account_token", FakePlex.TOKEN);
    settings.put("client_id", "crosswatch-test-device");
    settings.put("timeout", 5);
    tweak.accept(settings);
    ProviderContext context =
        new ProviderContext(
            "PLEX",
            "default",
            settings,
            "plex",
            Path.of("."),
            stateDir,
            time,
            true,
            new RecordingLog());
    return new PlexProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  @Test
  void withVerifySslFalseTheServerIsHealthyAndRead() throws Exception {
    plex.user().play(movies.get(0), time.instant());
    Provider p = provider(s -> s.put("verify_ssl", false));

    HealthReport report = p.health();

    assertThat(report.status()).as(report.message()).isEqualTo(Status.OK);
    assertThat(report.details()).containsEntry("machine_identifier", FakePlex.MACHINE_ID);
    assertThat(p.snapshot(Feature.HISTORY)).extracting(Item::title).containsExactly("Movie 1");
  }

  @Test
  void byDefaultAndWithVerifySslTrueTheSelfSignedCertificateIsRefused() {
    HealthReport byDefault = provider(s -> {}).health();
    HealthReport verified = provider(s -> s.put("verify_ssl", true)).health();

    for (HealthReport report : List.of(byDefault, verified)) {
      assertThat(report.status()).isEqualTo(Status.DOWN);
      assertThat(report.message())
          .contains("/identity", "SSLHandshakeException", "verify_ssl: false")
          .doesNotContain(FakePlex.TOKEN);
      assertThat(report.features()).isEmpty();
    }
    assertThat(plex.requests()).isEmpty();
  }
}
