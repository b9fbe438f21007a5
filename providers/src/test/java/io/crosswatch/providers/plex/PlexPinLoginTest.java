package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.plex.FakePlex;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlexPinLoginTest {
  private static final String CLIENT_ID = "crosswatch-device-1";

  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();

  @AfterEach
  void stop() {
    plex.close();
  }

  private PlexPinLogin login(Sleeper sleeper) {
    return PlexPinLogin.create(plex.plexTvUrl(), CLIENT_ID, time, sleeper);
  }

  @Test
  void startAsksForAStrongPinAndBuildsTheApprovalAddress() throws Exception {
    PlexPinLogin.Pin pin = login(time.sleeper()).start();

    assertThat(pin.id()).isEqualTo(plex.lastPinId());
    assertThat(pin.code()).isNotBlank();
    assertThat(pin.authUrl())
        .startsWith("https://app.plex.tv/auth#?clientID=" + CLIENT_ID + "&code=" + pin.code());
    assertThat(pin.expiresAt()).isEqualTo(time.instant().plus(Duration.ofMinutes(30)));
    RecordedRequest r = plex.plexTvRequests().get(0);
    assertThat(r.endpoint()).isEqualTo("POST /api/v2/pins");
    assertThat(r.request().param("strong")).contains("true");
    assertThat(r.request().header("X-Plex-Client-Identifier")).contains(CLIENT_ID);
    assertThat(r.request().header("X-Plex-Product")).contains("crosswatch");
    assertThat(pin.toString()).doesNotContain(pin.code());
  }

  @Test
  void awaitPollsUntilTheUserApproves() throws Exception {
    AtomicInteger naps = new AtomicInteger();
    Sleeper approveOnThirdNap =
        d -> {
          time.sleeper().sleep(d);
          if (naps.incrementAndGet() == 3) {
            plex.approvePin(plex.lastPinId(), "new-account-token");
          }
        };
    PlexPinLogin login = login(approveOnThirdNap);
    PlexPinLogin.Pin pin = login.start();

    String token = login.await(pin, Duration.ofSeconds(2), Duration.ofMinutes(5));

    assertThat(token).isEqualTo("new-account-token");
    assertThat(plex.plexTvRequests()).filteredOn(r -> r.method().equals("GET")).hasSize(4);
    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void awaitGivesUpAfterTheTimeout() throws Exception {
    PlexPinLogin login = login(time.sleeper());
    PlexPinLogin.Pin pin = login.start();

    assertThatThrownBy(() -> login.await(pin, Duration.ofSeconds(5), Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.getMessage()).contains("not approved within 20 s");
            });
  }

  @Test
  void anExpiredPinIsAnAuthFailure() throws Exception {
    PlexPinLogin login = login(time.sleeper());
    PlexPinLogin.Pin pin = login.start();
    time.advance(Duration.ofMinutes(31));

    assertThatThrownBy(() -> login.check(pin))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.getMessage()).contains("PIN expired"));
  }

  @Test
  void newClientIdsAreUnique() {
    assertThat(PlexPinLogin.newClientId())
        .startsWith("crosswatch-")
        .isNotEqualTo(PlexPinLogin.newClientId());
  }
}
