package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexSessions;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reports {@link PlexPlaying} makes of notifications, and which sessions it reports stopped
 * after a reconnect, with the fake server's {@code /status/sessions} and metadata.
 */
class PlexPlayingTest {
  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final PlexTitle movie =
      plex.catalogue().generateMovies(plex.catalogue().addMovieSection("Movies"), 1).get(0);
  private final PlexPlaying playing =
      new PlexPlaying(
          new PlexApi(
              PlexProviderFactory.clientBuilder(
                      "PLEX:home", plex.serverUrl(), "crosswatch-test", List.of(FakePlex.TOKEN))
                  .defaultHeader("X-Plex-Token", FakePlex.TOKEN)
                  .clock(time)
                  .sleeper(time.sleeper())
                  .build(),
              "the Plex server",
              "sign in again"),
          "home",
          time,
          ShowIdsLookup.NONE);

  @AfterEach
  void stop() {
    plex.close();
  }

  @Test
  void aPlaybackSeenOverTheCurrentSocketIsLeftToItsOwnStopNotification() throws Exception {
    playing.connecting();
    PlexSessions.Playback p = plex.sessions().play(plex.user(), movie, 0.1);
    playing.notification(p.lastNotification());
    p.stopAt(0.95); // the server lists it no more; its stop notification is still on its way

    List<PlaybackEvent> missed = playing.missedStops();
    PlaybackEvent stopped = playing.notification(p.lastNotification()).orElseThrow();

    assertThat(missed).isEmpty();
    assertThat(stopped.state()).isEqualTo(PlaybackState.STOPPED);
    assertThat(stopped.progressPercent()).isEqualTo(95.0);
  }

  @Test
  void aPlaybackLastSeenOverAnEarlierSocketThatTheServerNoLongerListsIsReportedStopped()
      throws Exception {
    playing.connecting();
    PlexSessions.Playback p = plex.sessions().play(plex.user(), movie, 0.3);
    playing.notification(p.lastNotification());
    p.vanish(); // ended while the socket was down
    playing.connecting();

    List<PlaybackEvent> missed = playing.missedStops();

    assertThat(missed).hasSize(1);
    assertThat(missed.get(0).state()).isEqualTo(PlaybackState.STOPPED);
    assertThat(missed.get(0).progressPercent()).isEqualTo(30.0);
    assertThat(missed.get(0).session()).isEqualTo(p.sessionKey());
    assertThat(playing.missedStops()).as("reported once").isEmpty();
  }

  @Test
  void withNoPlaybackFromAnEarlierSocketTheServerIsNotAsked() throws Exception {
    playing.connecting();
    PlexSessions.Playback p = plex.sessions().play(plex.user(), movie, 0.3);
    playing.notification(p.lastNotification());
    long asked = plex.count("GET /status/sessions");

    assertThat(playing.missedStops()).isEmpty();
    assertThat(plex.count("GET /status/sessions")).isEqualTo(asked);
  }
}
