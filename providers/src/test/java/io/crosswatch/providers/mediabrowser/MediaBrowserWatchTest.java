package io.crosswatch.providers.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.playback.WebhookFixtures;
import io.crosswatch.testkit.SteppedSleeper;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbSessions;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

class MediaBrowserWatchTest {
  private MediaBrowserTestbed bed;
  private final SteppedSleeper sleeper = new SteppedSleeper();
  private final List<PlaybackEvent> events = new CopyOnWriteArrayList<>();
  private AutoCloseable watching;
  private int rounds;

  @AfterEach
  void stop() throws Exception {
    if (watching != null) {
      watching.close();
    }
    bed.close();
  }

  /** Starts watching with a 3 s interval; the first poll runs at once. */
  private void watch(ServerDialect dialect) throws Exception {
    bed = new MediaBrowserTestbed(dialect);
    ObjectNode settings = bed.settings();
    settings.put("sessions_poll_sec", 3);
    String block = bed.name().toLowerCase(Locale.ROOT);
    ProviderContext context =
        new ProviderContext(
            bed.name(),
            "default",
            settings,
            block,
            Path.of("."),
            Path.of("."),
            bed.time,
            true,
            bed.log);
    Provider provider = bed.factory().create(context.withTiming(sleeper, new SplittableRandom(1)));
    watching = provider.playbackSource().orElseThrow().watch(events::add);
    nextRound();
  }

  /** Lets the watcher poll once more and waits until it has. */
  private void poll() throws Exception {
    sleeper.step();
    nextRound();
  }

  private void nextRound() throws Exception {
    sleeper.awaitSleeping(++rounds);
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aMovieStartedPausedResumedAndStoppedIsReportedAtEachChange(ServerDialect dialect)
      throws Exception {
    watch(dialect);
    MbItem movie = bed.server.library().generateMovies(1).get(0);
    assertThat(events).isEmpty();

    MbSessions.Playback p = bed.server.sessions().play(bed.server.user(), movie, 0.05);
    poll();
    p.pause();
    poll();
    poll(); // nothing changed
    p.resume().moveTo(0.5);
    poll();
    p.moveTo(0.93);
    poll();
    p.stop();
    poll();

    assertThat(events)
        .extracting(PlaybackEvent::state)
        .containsExactly(
            PlaybackState.PLAYING,
            PlaybackState.PAUSED,
            PlaybackState.PLAYING,
            PlaybackState.PLAYING,
            PlaybackState.STOPPED);
    assertThat(events)
        .extracting(PlaybackEvent::progressPercent)
        .containsExactly(5.0, 5.0, 50.0, 93.0, 93.0);
    PlaybackEvent first = events.get(0);
    assertThat(first.source()).isEqualTo(dialect.name());
    assertThat(first.user()).isEqualTo(bed.server.user().name());
    assertThat(first.session()).isEqualTo(p.id());
    assertThat(first.via()).isEqualTo("watch");
    assertThat(first.at()).isEqualTo(bed.time.instant());
    assertThat(first.item().type()).isEqualTo(MediaType.MOVIE);
    assertThat(first.item().ids().asMap())
        .containsEntry(IdKind.IMDB, movie.providerIds().get("Imdb"))
        .containsEntry(IdKind.TMDB, movie.providerIds().get("Tmdb"))
        .containsEntry(bed.localKind(), movie.id().toLowerCase(Locale.ROOT));
    assertThat(sleeper.sleeps()).allMatch(Duration.ofSeconds(3)::equals);
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void anEpisodeCarriesItsSeriesIdsFoundOnTheServer(ServerDialect dialect) throws Exception {
    watch(dialect);
    MbItem series = bed.server.library().generateSeries(4, 1, 2);
    MbItem episode = bed.server.library().episode(series, 1, 2).orElseThrow();

    bed.server.sessions().play(bed.server.user(), episode, 0.1);
    poll();

    PlaybackEvent e = events.get(0);
    assertThat(e.item().type()).isEqualTo(MediaType.EPISODE);
    assertThat(e.item().season()).isEqualTo(1);
    assertThat(e.item().number()).isEqualTo(2);
    assertThat(e.item().show().title()).isEqualTo("Show 4");
    assertThat(e.item().show().ids().value(IdKind.TVDB)).isEqualTo("300004");
    assertThat(e.item().ids().value(IdKind.TVDB)).isEqualTo(episode.providerIds().get("Tvdb"));
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aWebhooksEpisodeGetsItsSeriesIdsFromOneLookupOnTheServer(ServerDialect dialect)
      throws Exception {
    bed = new MediaBrowserTestbed(dialect);
    MbItem series = bed.server.library().generateSeries(7, 1, 1);
    String body =
        dialect == ServerDialect.JELLYFIN
            ? WebhookFixtures.text("jellyfin-episode-progress.json")
                .replace("d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0", series.id())
            : WebhookFixtures.text("emby-episode-stop.json")
                .replace("\"SeriesId\": \"200\"", "\"SeriesId\": \"" + series.id() + "\"");
    var source = bed.provider().playbackSource().orElseThrow();

    source.parseWebhook("application/json", body.getBytes(StandardCharsets.UTF_8));
    PlaybackEvent e =
        source.parseWebhook("application/json", body.getBytes(StandardCharsets.UTF_8)).get(0);

    assertThat(e.item().show().ids().value(IdKind.TVDB)).isEqualTo("300007");
    assertThat(e.item().show().ids().value(IdKind.IMDB)).isEqualTo("tt5000007");
    assertThat(bed.server.requests())
        .filteredOn(r -> r.request().query().containsKey("Ids"))
        .hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aFailedPollIsWarnedAboutAndWatchingGoesOn(ServerDialect dialect) throws Exception {
    watch(dialect);
    MbItem movie = bed.server.library().generateMovies(1).get(0);
    bed.server.faults().failNext(1, 401, "/");

    poll();
    assertThat(bed.log.warnings())
        .anySatisfy(w -> assertThat(w).contains("reading the playing sessions failed"));
    bed.server.sessions().play(bed.server.user(), movie, 0.2);
    poll();

    assertThat(events).extracting(PlaybackEvent::state).containsExactly(PlaybackState.PLAYING);
    assertThat(bed.log.warnings())
        .noneSatisfy(w -> assertThat(w).contains(bed.settings().get("access_token").asString()));
  }
}
