package io.crosswatch.providers.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.HealthReport.Status;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.providers.http.SelfSignedHttps;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code verify_ssl}: a server behind HTTPS with a self-signed certificate is reachable when it is
 * false, and down (because of its certificate) when it is true, the default.
 */
class MediaBrowserVerifySslTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void withVerifySslFalseASelfSignedServerIsHealthyAndRead(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect);
        SelfSignedHttps https = SelfSignedHttps.inFrontOf(bed.server.baseUri())) {
      MbItem movie = bed.server.library().generateMovies(1).get(0);
      bed.server.user().markPlayed(movie, T0);
      Provider p =
          bed.provider(s -> s.put("server", https.baseUri().toString()).put("verify_ssl", false));

      HealthReport report = p.health();

      assertThat(report.status()).as(report.message()).isEqualTo(Status.OK);
      assertThat(p.snapshot(Feature.HISTORY)).extracting(Item::title).containsExactly("Movie 1");
      assertThat(bed.server.requests()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void byDefaultAndWithVerifySslTrueTheSelfSignedCertificateIsRefused(ServerDialect dialect)
      throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect);
        SelfSignedHttps https = SelfSignedHttps.inFrontOf(bed.server.baseUri())) {
      String server = https.baseUri().toString();

      HealthReport byDefault = bed.provider(s -> s.put("server", server)).health();
      HealthReport verified =
          bed.provider(s -> s.put("server", server).put("verify_ssl", true)).health();

      for (HealthReport report : new HealthReport[] {byDefault, verified}) {
        assertThat(report.status()).isEqualTo(Status.DOWN);
        assertThat(report.message())
            .contains("/System/Info/Public", "SSLHandshakeException", "verify_ssl: false")
            .as("a refused certificate is not tried again")
            .doesNotContain("attempts")
            .doesNotContain(FakeMediaBrowserServer.ACCESS_TOKEN);
        assertThat(report.features()).isEmpty();
      }
      assertThat(bed.server.requests()).isEmpty();
    }
  }
}
