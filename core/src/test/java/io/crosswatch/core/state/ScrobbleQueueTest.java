package io.crosswatch.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.state.ScrobbleQueue.Call;
import io.crosswatch.core.state.ScrobbleQueue.Finished;
import io.crosswatch.core.state.ScrobbleQueue.NewCall;
import io.crosswatch.core.state.ScrobbleQueue.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scrobble queue keeps each call until it ended, in order, across reopening. */
class ScrobbleQueueTest {
  private static final Instant T = Instant.parse("2026-12-07T20:00:00Z");
  private static final Item MOVIE = Item.movie("Heat", 1995, Ids.of(IdKind.IMDB, "tt0113277"));
  private static final Item OTHER = Item.movie("Ronin", 1998, Ids.of(IdKind.TMDB, 8195));

  private static final Finished HEAT_FINISHED =
      new Finished(
          "PLEX|default|alice",
          "movie|imdb:tt0113277",
          List.of("movie|imdb:tt0113277", "movie|tmdb:949"),
          MOVIE,
          96,
          T);

  @TempDir Path stateDir;

  @Test
  void callsComeOutPerSinkInTheOrderTheyWereQueued() {
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      List<Long> ids =
          queue.add(
              List.of(
                  call("TRAKT:default", "v1", ScrobbleAction.START, MOVIE),
                  call("SIMKL:default", "v1", ScrobbleAction.START, MOVIE)),
              null,
              T);
      queue.add(List.of(call("TRAKT:default", "v1", ScrobbleAction.STOP, MOVIE)), null, T);

      assertThat(ids).hasSize(2);
      Call head = queue.head("TRAKT:default").orElseThrow();
      assertThat(head.id()).isEqualTo(ids.get(0));
      assertThat(head.action()).isEqualTo(ScrobbleAction.START);
      assertThat(head.item()).isEqualTo(MOVIE);
      assertThat(head.progressPercent()).isEqualTo(42.5);
      assertThat(head.dueAt()).isEqualTo(T);
      assertThat(queue.superseded(head)).isTrue();
      assertThat(queue.superseded(queue.head("SIMKL:default").orElseThrow())).isFalse();
      assertThat(queue.pendingSinks()).containsExactly("SIMKL:default", "TRAKT:default");
    }
  }

  @Test
  void aFinishedCallLeavesTheQueueAndStaysFinishedAfterReopening() {
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      queue.add(
          List.of(
              call("TRAKT:default", "v1", ScrobbleAction.STOP, MOVIE),
              call("TRAKT:default", "v2", ScrobbleAction.STOP, OTHER)),
          null,
          T);
      Call first = queue.head("TRAKT:default").orElseThrow();
      queue.finish(first.id(), Status.SENT, "sent", T);
      queue.finish(first.id(), Status.FAILED, "ignored: no longer pending", T);
    }
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      assertThat(queue.head("TRAKT:default").orElseThrow().item()).isEqualTo(OTHER);
      assertThat(queue.calls(Status.SENT))
          .singleElement()
          .satisfies(c -> assertThat(c.detail()).isEqualTo("sent"));
      assertThat(queue.calls(Status.FAILED)).isEmpty();
    }
  }

  @Test
  void aRetriedCallCountsItsAttemptsAndWaitsUntilDue() {
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      queue.add(List.of(call("TRAKT:default", "v1", ScrobbleAction.STOP, MOVIE)), null, T);
      long id = queue.head("TRAKT:default").orElseThrow().id();

      queue.retryAt(id, T.plusSeconds(30), "503; retry at …");
      queue.retryAt(id, T.plusSeconds(90), "503; retry at …");

      Call head = queue.head("TRAKT:default").orElseThrow();
      assertThat(head.attempts()).isEqualTo(2);
      assertThat(head.dueAt()).isEqualTo(T.plusSeconds(90));
      assertThat(head.status()).isEqualTo(Status.PENDING);
    }
  }

  @Test
  void finishedViewingsAreRememberedUntilPruned() {
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      queue.add(List.of(call("TRAKT:default", "v1", ScrobbleAction.STOP, MOVIE)), HEAT_FINISHED, T);
      long id = queue.head("TRAKT:default").orElseThrow().id();
      queue.finish(id, Status.SENT, "sent", T);
    }
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      assertThat(queue.finishedSince(T.minus(Duration.ofHours(1)))).containsExactly(HEAT_FINISHED);
      assertThat(queue.finishedSince(T.plusSeconds(1))).isEmpty();

      assertThat(queue.prune(T.plusSeconds(1), T.plusSeconds(1))).isEqualTo(2);
      assertThat(queue.finishedSince(T.minus(Duration.ofHours(1)))).isEmpty();
      assertThat(queue.calls(Status.SENT)).isEmpty();
    }
  }

  @Test
  void aFinishedViewingIsFoundByAnyOfItsTokensWithinItsScopeAndWindow() {
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      queue.add(List.of(), HEAT_FINISHED, T);
    }
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      Instant since = T.minus(Duration.ofHours(6));
      assertThat(queue.finished("PLEX|default|alice", List.of("movie|tmdb:949"), since))
          .contains(HEAT_FINISHED);
      assertThat(queue.finished("PLEX|default|alice", List.of("x", "movie|imdb:tt0113277"), since))
          .contains(HEAT_FINISHED);
      assertThat(queue.finished("PLEX|default|bob", List.of("movie|tmdb:949"), since)).isEmpty();
      assertThat(queue.finished("PLEX|default|alice", List.of("movie|tmdb:8195"), since)).isEmpty();
      assertThat(queue.finished("PLEX|default|alice", List.of("movie|tmdb:949"), T.plusSeconds(1)))
          .isEmpty();

      queue.prune(T, T.plusSeconds(1));
      assertThat(queue.finished("PLEX|default|alice", List.of("movie|tmdb:949"), since)).isEmpty();
    }
  }

  @Test
  void aFinishedViewingUpdatedWithMoreTokensIsFoundByThemUnderItsNewTitleOnly() {
    String scope = "PLEX|default|alice";
    Finished before =
        new Finished(scope, "movie|tmdb:949", List.of("movie|tmdb:949"), MOVIE, 96, T);
    Finished after =
        new Finished(
            scope,
            "movie|imdb:tt0113277",
            List.of("movie|tmdb:949", "movie|imdb:tt0113277", "movie|local plex:5512"),
            MOVIE,
            96,
            T);
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      queue.add(List.of(), before, T);
      queue.updateFinished(after, "movie|tmdb:949");

      Instant since = T.minus(Duration.ofHours(6));
      assertThat(queue.finished(scope, List.of("movie|local plex:5512"), since)).contains(after);
      assertThat(queue.finished(scope, List.of("movie|tmdb:949"), since)).contains(after);
      assertThat(queue.finishedSince(since)).containsExactly(after);
    }
  }

  @Test
  void failedCallsAreNeverPruned() {
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      queue.add(List.of(call("TRAKT:default", "v1", ScrobbleAction.STOP, MOVIE)), null, T);
      long id = queue.head("TRAKT:default").orElseThrow().id();
      queue.finish(id, Status.FAILED, "refused: 422", T);

      queue.prune(T.plus(Duration.ofDays(30)), T);

      assertThat(queue.calls(Status.FAILED)).hasSize(1);
      assertThat(queue.head("TRAKT:default")).isEmpty();
    }
  }

  @Test
  void aClosedQueueSaysSo() {
    ScrobbleQueue queue = ScrobbleQueue.open(stateDir);
    queue.close();

    assertThatThrownBy(() -> queue.head("TRAKT:default"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static NewCall call(String sink, String viewing, ScrobbleAction action, Item item) {
    return new NewCall(sink, viewing, action, "PLEX", "alice", item, 42.5, T.minusSeconds(5));
  }
}
