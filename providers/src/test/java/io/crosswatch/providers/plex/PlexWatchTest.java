package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexSection;
import io.crosswatch.testkit.fake.plex.PlexSessions;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class PlexWatchTest {
  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final PlexSection movies = plex.catalogue().addMovieSection("Movies");
  private final PlexSection shows = plex.catalogue().addShowSection("TV Shows");
  private final PlexTitle movie = plex.catalogue().generateMovies(movies, 1).get(0);
  private final PlexTitle show = plex.catalogue().generateShow(shows, 1, 2);
  private final RecordingLog log = new RecordingLog();
  private final BlockingQueue<PlaybackEvent> events = new LinkedBlockingQueue<>();
  private AutoCloseable watching;
  @TempDir Path stateDir;

  @AfterEach
  void stop() throws Exception {
    if (watching != null) {
      watching.close();
    }
    plex.close();
  }

  private void watch(String token) {
    ObjectNode settings = PlexApi.MAPPER.createObjectNode();
    settings.put("server_url", plex.serverUrl().toString());
    settings.put("notifications_url", plex.notificationsUrl().toString());
    settings.put("discover_url", plex.discoverUrl().toString());
    settings.put("plex_tv_url", plex.plexTvUrl().toString());
    settings.put("account_token", token);
    settings.put("timeout", 5);
    ProviderContext context =
        new ProviderContext(
            "PLEX", "home", settings, "plex", Path.of("."), stateDir, time, true, log);
    watching =
        new PlexProviderFactory()
            .create(context.withTiming(time.sleeper(), new SplittableRandom(1)))
            .playbackSource()
            .orElseThrow()
            .watch(events::add);
  }

  private PlaybackEvent next() throws InterruptedException {
    PlaybackEvent e = events.poll(30, TimeUnit.SECONDS);
    assertThat(e).as("a playback report within 30 s; log: %s", log.lines()).isNotNull();
    return e;
  }

  /** Waits for something the watcher's thread does; gives up after 30 s. */
  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  @Test
  void playPauseResumeAndStopArriveAsReportsWithTheAccountAndTheTitlesIds() throws Exception {
    watch(FakePlex.TOKEN);
    await("connected", () -> plex.notificationSocket().openConnections() == 1);

    PlexSessions.Playback p = plex.sessions().play(plex.user(), movie, 0.1);
    PlaybackEvent started = next();
    p.pauseAt(0.1);
    PlaybackEvent paused = next();
    p.playAt(0.12);
    PlaybackEvent resumed = next();
    p.playAt(0.15); // a periodic update, no news
    p.stopAt(0.95);
    PlaybackEvent stopped = next();

    assertThat(started.state()).isEqualTo(PlaybackState.PLAYING);
    assertThat(started.progressPercent()).isEqualTo(10.0);
    assertThat(started.user()).isEqualTo(plex.user().username());
    assertThat(started.source()).isEqualTo("PLEX");
    assertThat(started.instance()).isEqualTo("home");
    assertThat(started.via()).isEqualTo("watch");
    assertThat(started.session()).isEqualTo(p.sessionKey());
    assertThat(started.item().type()).isEqualTo(MediaType.MOVIE);
    assertThat(started.item().title()).isEqualTo(movie.title());
    assertThat(started.item().ids().value(IdKind.IMDB)).isEqualTo("tt1000001");
    assertThat(started.item().ids().value(IdKind.TMDB)).isEqualTo("5001");
    assertThat(paused.state()).isEqualTo(PlaybackState.PAUSED);
    assertThat(resumed.state()).isEqualTo(PlaybackState.PLAYING);
    assertThat(resumed.progressPercent()).isEqualTo(12.0);
    assertThat(stopped.state()).isEqualTo(PlaybackState.STOPPED);
    assertThat(stopped.progressPercent()).isEqualTo(95.0);
    assertThat(events).isEmpty();
    // Who plays is asked once per session, not per notification (a second read may be the check
    // for stops missed while connecting, when the first notification comes before it).
    assertThat(plex.count("GET /status/sessions")).isBetween(1L, 2L);
  }

  @Test
  void afterTheServerDropsTheSocketTheWatcherReconnectsAndReportsEpisodesWithTheirShow()
      throws Exception {
    watch(FakePlex.TOKEN);
    await("connected", () -> plex.notificationSocket().openConnections() == 1);

    plex.notificationSocket().dropAll();
    await(
        "reconnected",
        () ->
            plex.notificationSocket().accepted() == 2
                && plex.notificationSocket().openConnections() == 1);
    PlexTitle episode = plex.catalogue().episode(show, 1, 2).orElseThrow();
    plex.sessions().play(plex.user(), episode, 0.5);
    PlaybackEvent e = next();

    assertThat(time.sleeps()).containsExactly(PlexPlaybackSource.FIRST_BACKOFF);
    assertThat(e.item().type()).isEqualTo(MediaType.EPISODE);
    assertThat(e.item().show().title()).isEqualTo(show.title());
    assertThat(e.item().show().ids().value(IdKind.TVDB)).isEqualTo("300001");
    assertThat(e.item().season()).isEqualTo(1);
    assertThat(e.item().number()).isEqualTo(2);
    assertThat(e.progressPercent()).isEqualTo(50.0);
  }

  @Test
  void aPlaybackThatEndedWhileTheSocketWasDownIsReportedStoppedAfterTheReconnect()
      throws Exception {
    watch(FakePlex.TOKEN);
    await("connected", () -> plex.notificationSocket().openConnections() == 1);
    PlexSessions.Playback p = plex.sessions().play(plex.user(), movie, 0.3);
    assertThat(next().state()).isEqualTo(PlaybackState.PLAYING);

    p.vanish();
    plex.notificationSocket().dropAll();
    PlaybackEvent stopped = next();

    assertThat(stopped.state()).isEqualTo(PlaybackState.STOPPED);
    assertThat(stopped.progressPercent()).isEqualTo(30.0);
    assertThat(stopped.session()).isEqualTo(p.sessionKey());
    assertThat(stopped.user()).isEqualTo(plex.user().username());
  }

  @Test
  void aRefusedTokenIsRetriedWithGrowingWaitsAndNeverLogged() throws Exception {
    String wrong = "wrong-token-4711";
    watch(wrong);

    await("three refusals", () -> time.sleeps().size() >= 3);
    watching.close();

    assertThat(time.sleeps())
        .startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(log.warnings())
        .isNotEmpty()
        .allSatisfy(w -> assertThat(w).doesNotContain(wrong).doesNotContain("X-Plex-Token="));
  }
}
