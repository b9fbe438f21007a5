package io.crosswatch.providers.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerScrobbleTargetTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant VIEWED = Instant.parse("2026-01-01T21:30:00Z");
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093").with(IdKind.PLEX, "1936"));

  @TempDir Path dir;
  private final List<TrackerProvider> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(TrackerProvider::close);
  }

  private TrackerProvider provider() {
    TrackerProvider p =
        new TrackerProvider("default", dir.resolve("tracker.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    opened.add(p);
    return p;
  }

  @Test
  void aStopAtEightyPercentOrMoreAddsOnePlayDatedWhenItWasViewed() throws Exception {
    TrackerProvider tracker = provider();
    ScrobbleTarget sink = tracker.scrobbleTarget().orElseThrow();

    assertThat(sink.scrobble(ScrobbleAction.STOP, MATRIX, 80.0, VIEWED))
        .isEqualTo(ScrobbleOutcome.SENT);

    List<Item> history = provider().snapshot(Feature.HISTORY);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).watchedAt()).isEqualTo(VIEWED);
    assertThat(history.get(0).ids().value(IdKind.IMDB)).isEqualTo("tt0133093");
  }

  @Test
  void startPauseAndAShortStopWriteNothing() throws Exception {
    TrackerProvider tracker = provider();
    ScrobbleTarget sink = tracker.scrobbleTarget().orElseThrow();

    assertThat(sink.scrobble(ScrobbleAction.START, MATRIX, 0.0, VIEWED))
        .isEqualTo(ScrobbleOutcome.SENT);
    assertThat(sink.scrobble(ScrobbleAction.PAUSE, MATRIX, 40.0, VIEWED))
        .isEqualTo(ScrobbleOutcome.SENT);
    assertThat(sink.scrobble(ScrobbleAction.STOP, MATRIX, 79.9, VIEWED))
        .isEqualTo(ScrobbleOutcome.SENT);

    assertThat(provider().snapshot(Feature.HISTORY)).isEmpty();
  }

  @Test
  void theSamePlayTwiceIsAlreadyRecorded() throws Exception {
    ScrobbleTarget sink = provider().scrobbleTarget().orElseThrow();
    sink.scrobble(ScrobbleAction.STOP, MATRIX, 95.0, VIEWED);

    assertThat(sink.scrobble(ScrobbleAction.STOP, MATRIX, 95.0, VIEWED))
        .isEqualTo(ScrobbleOutcome.ALREADY_RECORDED);
    assertThat(provider().snapshot(Feature.HISTORY)).hasSize(1);
  }

  @Test
  void anEpisodeKeepsItsShowSeasonAndNumber() throws Exception {
    Item episode =
        Item.episode(
            new ShowRef("Breaking Bad", null, Ids.empty()),
            1,
            1,
            "Pilot",
            Ids.of(IdKind.TVDB, "349232"));

    provider().scrobbleTarget().orElseThrow().scrobble(ScrobbleAction.STOP, episode, 99.0, VIEWED);

    Item played = provider().snapshot(Feature.HISTORY).get(0);
    assertThat(played.show().title()).isEqualTo("Breaking Bad");
    assertThat(played.season()).isEqualTo(1);
    assertThat(played.number()).isEqualTo(1);
  }
}
