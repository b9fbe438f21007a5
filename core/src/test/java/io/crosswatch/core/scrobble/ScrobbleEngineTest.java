package io.crosswatch.core.scrobble;

import static io.crosswatch.core.scrobble.ScrobbleAction.PAUSE;
import static io.crosswatch.core.scrobble.ScrobbleAction.START;
import static io.crosswatch.core.scrobble.ScrobbleAction.STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.config.ScrobbleSettings;
import io.crosswatch.core.config.ScrobbleSettings.Sink;
import io.crosswatch.core.config.ScrobbleSettings.Source;
import io.crosswatch.core.config.ScrobbleSettings.Via;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.state.RunRecord;
import io.crosswatch.core.state.ScrobbleQueue;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateLock;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine turns playback reports into one start, pause or stop per viewing and sink. */
class ScrobbleEngineTest {
  private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");
  private static final String TRAKT = "TRAKT:default";
  private static final String SIMKL = "SIMKL:default";
  private static final ScrobbleSettings SETTINGS =
      new ScrobbleSettings(
          true,
          List.of(
              new Source("PLEX", "default", Via.WEBHOOK, List.of("alice", "Bob")),
              new Source("JELLYFIN", "default", Via.WATCH, List.of("carol"))),
          List.of(new Sink("TRAKT", "default"), new Sink("SIMKL", "default")));

  /** A movie as Plex's webhook names it (imdb and tmdb from its guids). */
  private static final Item HEAT =
      Item.movie("Heat", 1995, Ids.of(Map.of(IdKind.IMDB, "tt0113277", IdKind.TMDB, 949)));

  /** The same movie as the watcher resolves it (tmdb and the server's own id only). */
  private static final Item HEAT_FROM_WATCHER =
      Item.movie("Heat", 1995, Ids.of(Map.of(IdKind.TMDB, 949, IdKind.PLEX, 5512)));

  private static final Item EPISODE =
      Item.episode(
          new ShowRef("Severance", 2022, Ids.of(IdKind.TVDB, 371980)),
          1,
          2,
          "Half Loop",
          Ids.empty());

  @TempDir Path stateDir;

  private final MutableClock clock = new MutableClock(T0);
  private final List<ScrobbleNotice> notices = new ArrayList<>();
  private final List<ScrobbleEngine> engines = new ArrayList<>();
  private RecordingTarget trakt = new RecordingTarget();
  private RecordingTarget simkl = new RecordingTarget();

  @AfterEach
  void closeEngines() {
    engines.forEach(ScrobbleEngine::close);
  }

  @Test
  void aPlaySendsStartToEverySink() {
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));

    assertThat(trakt.actions()).containsExactly(START);
    assertThat(simkl.actions()).containsExactly(START);
    assertThat(trakt.taken().get(0).item()).isEqualTo(HEAT);
    assertThat(events()).containsExactly("scrobble:start", "scrobble:sent", "scrobble:sent");
  }

  @Test
  void aStopAt95PercentSendsOneStopWithItsProgress() {
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));

    assertThat(trakt.actions()).containsExactly(START, STOP);
    assertThat(simkl.actions()).containsExactly(START, STOP);
    assertThat(trakt.taken().get(1).progressPercent()).isEqualTo(95.0);
  }

  @Test
  void aStopAt30PercentSendsAPause() {
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 30));

    assertThat(trakt.actions()).containsExactly(START, PAUSE);
    assertThat(events()).contains("scrobble:pause").doesNotContain("scrobble:stop");
  }

  @Test
  void theSameReportThreeTimesSendsOneCall() {
    ScrobbleEngine engine = engine();

    for (int i = 0; i < 3; i++) {
      send(engine, report("alice", HEAT, PlaybackState.PLAYING, 10));
    }
    for (int i = 0; i < 3; i++) {
      send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    }
    engine.sendDue();

    assertThat(trakt.actions()).containsExactly(START, STOP);
    assertThat(simkl.actions()).containsExactly(START, STOP);
  }

  @Test
  void plexScrobbleThenStopSendsOneStop() {
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 90)); // media.scrobble
    clock.advance(Duration.ofMinutes(10));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95)); // media.stop

    assertThat(trakt.actions()).containsExactly(START, STOP);
    assertThat(trakt.taken().get(1).progressPercent()).isEqualTo(90.0);
  }

  @Test
  void aWebhookAndTheWatcherReportingOneViewingSendOneStop() {
    ScrobbleEngine engine = engine();

    send(engine, event("alice", "player-1", HEAT, PlaybackState.PLAYING, 1, "webhook"));
    clock.advance(Duration.ofSeconds(3));
    send(
        engine, event("alice", "session-77", HEAT_FROM_WATCHER, PlaybackState.PLAYING, 2, "watch"));
    clock.advance(Duration.ofHours(2));
    send(engine, event("ALICE", "player-1", HEAT, PlaybackState.STOPPED, 96, "webhook"));
    clock.advance(Duration.ofSeconds(4));
    send(
        engine,
        event("alice", "session-77", HEAT_FROM_WATCHER, PlaybackState.PLAYING, 97, "watch"));
    send(
        engine,
        event("alice", "session-77", HEAT_FROM_WATCHER, PlaybackState.STOPPED, 97, "watch"));

    assertThat(trakt.actions()).containsExactly(START, STOP);
    assertThat(simkl.actions()).containsExactly(START, STOP);
    assertThat(trakt.taken().get(1).item().ids().value(IdKind.PLEX)).isEqualTo("5512");
  }

  @Test
  void aWatcherThatKnowsOnlyTheServersOwnIdReportsTheSameViewing() {
    ScrobbleEngine engine = engine();
    Item fromWebhook = HEAT.withIds(HEAT.ids().with(IdKind.PLEX, 5512));
    Item fromWatcher = Item.movie("Heat (Director's Cut)", null, Ids.of(IdKind.PLEX, 5512));

    send(engine, event("alice", "player-1", fromWebhook, PlaybackState.PLAYING, 1, "webhook"));
    send(engine, event("alice", "42", fromWatcher, PlaybackState.PLAYING, 3, "watch"));
    send(engine, event("alice", "42", fromWatcher, PlaybackState.STOPPED, 93, "watch"));
    send(engine, event("alice", "player-1", fromWebhook, PlaybackState.STOPPED, 94, "webhook"));

    assertThat(trakt.actions()).containsExactly(START, STOP);
    assertThat(trakt.taken().get(1).item()).isEqualTo(fromWebhook);
  }

  @Test
  void aWatcherPollMadeBeforeTheStopDoesNotStartARewatch() {
    ScrobbleEngine engine = engine();
    Instant poll = clock.instant().plus(Duration.ofMinutes(100));

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));
    clock.advance(Duration.ofMinutes(101));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    send(
        engine,
        new PlaybackEvent(
            "PLEX", "default", "alice", "s", HEAT, PlaybackState.PLAYING, 79, poll, "watch"));

    assertThat(trakt.actions()).containsExactly(START, STOP);
  }

  @Test
  void aRewatchAfterAFinishedViewingIsANewViewing() {
    ScrobbleEngine engine = engineWhereAliceWatchedHeat();
    clock.advance(Duration.ofMinutes(10));
    assertRewatch(engine);
  }

  @Test
  void aPlayBelowTheThresholdAnHourAfterTheFinishIsARewatchThoughTheViewingLeftMemory() {
    ScrobbleEngine engine = engineWhereAliceWatchedHeat();

    letAliceLeaveMemory(engine, Duration.ofHours(1));
    assertRewatch(engine);
  }

  @Test
  void reportsOfUsersNotListedForTheSourceAreIgnored() {
    ScrobbleEngine engine = engine();

    send(engine, report("mallory", HEAT, PlaybackState.PLAYING, 0));
    send(engine, report("mallory", HEAT, PlaybackState.STOPPED, 95));
    send(
        engine,
        new PlaybackEvent(
            "PLEX", "other", "alice", null, HEAT, PlaybackState.STOPPED, 95, T0, "webhook"));
    send(
        engine,
        new PlaybackEvent(
            "EMBY", "default", "alice", null, HEAT, PlaybackState.STOPPED, 95, T0, "webhook"));

    assertThat(trakt.attempts()).isZero();
    assertThat(engine.pending()).isEmpty();
    assertThat(engine.nowPlaying()).isEmpty();
    assertThat(notices).isEmpty();
  }

  @Test
  void userNamesAreComparedWithoutCase() {
    ScrobbleEngine engine = engine();

    send(engine, report("bob", EPISODE, PlaybackState.STOPPED, 85));

    assertThat(trakt.taken())
        .singleElement()
        .satisfies(t -> assertThat(t.item()).isEqualTo(EPISODE));
  }

  @Test
  void eachUserHasTheirOwnViewing() {
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    send(engine, report("bob", HEAT, PlaybackState.STOPPED, 95));

    assertThat(trakt.actions()).containsExactly(STOP, STOP);
  }

  @Test
  void callsAreQueuedDurablyBeforeAcceptReturns() {
    ScrobbleEngine engine = engine();

    engine.accept(report("alice", HEAT, PlaybackState.STOPPED, 95));

    assertThat(trakt.attempts()).isZero();
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      assertThat(queue.calls(ScrobbleQueue.Status.PENDING))
          .extracting(ScrobbleQueue.Call::sink, ScrobbleQueue.Call::action)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(TRAKT, STOP),
              org.assertj.core.groups.Tuple.tuple(SIMKL, STOP));
    }
  }

  @Test
  void aSinkThatIsDownGetsTheStopExactlyOnceAfterARestart() {
    trakt.down(ProviderException.transientFailure("Trakt answered 503", null));
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    clock.advance(Duration.ofMinutes(1));
    engine.sendDue();

    assertThat(trakt.taken()).isEmpty();
    assertThat(simkl.actions()).containsExactly(START, STOP);
    assertThat(events()).contains("scrobble:queued");
    assertThat(engine.pending()).extracting(ScrobbleQueue.Call::action).containsExactly(STOP);
    engine.close();

    trakt = new RecordingTarget(); // the service restarts; Trakt is back
    ScrobbleEngine restarted = engine();
    clock.advance(Duration.ofHours(1));
    restarted.sendDue();
    restarted.sendDue();

    assertThat(trakt.actions()).containsExactly(STOP);
    assertThat(trakt.taken().get(0).progressPercent()).isEqualTo(95.0);
    assertThat(simkl.actions()).containsExactly(START, STOP);
    restarted.close();

    ScrobbleEngine again = engine();
    clock.advance(Duration.ofHours(1));
    again.sendDue();
    assertThat(trakt.actions()).containsExactly(STOP);
  }

  @Test
  void callsForASinkNoLongerConfiguredWaitUntilItIsConfiguredAgain() {
    trakt.down(ProviderException.transientFailure("Trakt answered 503", null));
    ScrobbleEngine engine = engine();
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    engine.close();

    ScrobbleEngine withoutTrakt =
        track(
            ScrobbleEngine.builder(SETTINGS, Map.of(SIMKL, simkl), stateDir)
                .clock(clock)
                .sendInBackground(false)
                .build());
    clock.advance(Duration.ofHours(1));
    withoutTrakt.sendDue();
    assertThat(withoutTrakt.pending()).extracting(ScrobbleQueue.Call::sink).containsExactly(TRAKT);
    withoutTrakt.close();

    trakt = new RecordingTarget();
    engine().sendDue();
    assertThat(trakt.actions()).containsExactly(STOP);
    assertThat(simkl.actions()).containsExactly(STOP);
  }

  @Test
  void aStartTheViewingMovedPastIsDroppedButTheStopIsNever() {
    trakt.down(ProviderException.transientFailure("Trakt answered 502", null));
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));
    send(engine, report("alice", HEAT, PlaybackState.PAUSED, 40));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    trakt.recover();
    clock.advance(Duration.ofHours(1));
    engine.sendDue();

    assertThat(trakt.actions()).containsExactly(STOP);
    assertThat(simkl.actions()).containsExactly(START, PAUSE, STOP);
  }

  @Test
  void retryAfterIsHonoured() {
    trakt.failNext(
        new ProviderException(
            ProviderException.Kind.RATE_LIMITED,
            "Trakt answered 429",
            true,
            Duration.ofSeconds(120)));
    ScrobbleEngine engine = engine();

    engine.accept(report("alice", HEAT, PlaybackState.STOPPED, 95));
    assertThat(engine.sendDue()).contains(T0.plusSeconds(120));
    clock.advance(Duration.ofSeconds(119));
    engine.sendDue();

    assertThat(trakt.attempts()).isEqualTo(1);
    assertThat(engine.recent(1).get(0).event()).isEqualTo("scrobble:sent");
    assertThat(engine.recent(10))
        .filteredOn(n -> n.event().equals("scrobble:queued"))
        .singleElement()
        .satisfies(n -> assertThat(n.detail()).contains("retry at 2026-12-07T20:02:00Z"));

    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.sendDue()).isEmpty();
    assertThat(trakt.attempts()).isEqualTo(2);
    assertThat(trakt.actions()).containsExactly(STOP);
  }

  @Test
  void retriesBackOffExponentiallyUntilTheSinkTakesTheCall() {
    trakt.down(ProviderException.transientFailure("Trakt answered 503", null));
    ScrobbleEngine engine = engine();
    engine.accept(report("alice", HEAT, PlaybackState.STOPPED, 95));

    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Instant due = engine.sendDue().orElseThrow();
      waits.add(Duration.between(clock.instant(), due));
      clock.advance(Duration.between(clock.instant(), due));
    }
    trakt.recover();
    engine.sendDue();

    assertThat(waits.get(0)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    assertThat(waits.get(3)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    assertThat(waits.get(11)).isBetween(RetryPolicy.CAP.dividedBy(2), RetryPolicy.CAP);
    assertThat(trakt.attempts()).isEqualTo(13);
    assertThat(trakt.actions()).containsExactly(STOP);
  }

  @Test
  void aCallTheSinkRefusesForGoodIsKeptAsFailedAndTheNextOneGoesOn() {
    trakt.failNext(
        ProviderException.permanent(ProviderException.Kind.REJECTED, "Trakt answered 422"));
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    send(engine, report("bob", EPISODE, PlaybackState.STOPPED, 95));

    assertThat(trakt.taken())
        .singleElement()
        .satisfies(t -> assertThat(t.item()).isEqualTo(EPISODE));
    assertThat(engine.recent(100))
        .filteredOn(n -> n.event().equals("scrobble:failed"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.sink()).isEqualTo(TRAKT);
              assertThat(n.detail()).contains("422");
            });
    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      assertThat(queue.calls(ScrobbleQueue.Status.FAILED))
          .singleElement()
          .satisfies(c -> assertThat(c.item()).isEqualTo(HEAT));
    }
  }

  @Test
  void aFinishedViewingIsRememberedAcrossARestartWithinTheWindow() {
    ScrobbleEngine engine = engine();
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    engine.close();

    ScrobbleEngine restarted = engine();
    clock.advance(Duration.ofHours(1));
    send(restarted, report("alice", HEAT_FROM_WATCHER, PlaybackState.STOPPED, 98));
    send(restarted, report("alice", HEAT, PlaybackState.PLAYING, 97));
    assertThat(trakt.actions()).containsExactly(STOP);

    clock.advance(ScrobbleEngine.FINISHED_WINDOW);
    send(restarted, report("alice", HEAT, PlaybackState.STOPPED, 98));
    assertThat(trakt.actions()).containsExactly(STOP, STOP);
  }

  @Test
  void aViewingFinishedAnHourAgoLeavesMemoryYetARepeatedStopSendsNothingUntilSixHoursPassed() {
    ScrobbleEngine engine = engineWhereAliceWatchedHeat();

    letAliceLeaveMemory(engine, Duration.ofHours(1));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 98));
    send(engine, report("alice", HEAT_FROM_WATCHER, PlaybackState.PLAYING, 97));
    assertThat(movieActions(trakt)).containsExactly(START, STOP);

    clock.advance(Duration.ofHours(6));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 96));
    assertThat(movieActions(trakt)).containsExactly(START, STOP, STOP);
  }

  @Test
  void afterARestartAViewingFinishedAnHourAgoIsLookedUpNotLoaded() {
    ScrobbleEngine engine = engineWhereAliceWatchedHeat();
    engine.close();
    clock.advance(Duration.ofHours(1));

    ScrobbleEngine restarted = engine();
    assertThat(restarted.viewingsHeld()).isZero();
    send(restarted, report("alice", HEAT_FROM_WATCHER, PlaybackState.STOPPED, 98));
    assertThat(trakt.actions()).containsExactly(START, STOP);
    send(restarted, report("alice", HEAT, PlaybackState.PLAYING, 2));
    assertThat(trakt.actions()).containsExactly(START, STOP, START);
    assertThat(restarted.recent(100).stream().map(ScrobbleNotice::detail))
        .contains("via webhook, rewatch");
  }

  @Test
  void anIdALaterReportAddedStillMatchesOnceTheViewingLeftMemoryAndAfterARestart() {
    ScrobbleEngine engine = engine();
    Item plexOnly = Item.movie("Heat (Director's Cut)", null, Ids.of(IdKind.PLEX, 5512));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    clock.advance(Duration.ofMinutes(2));
    send(engine, report("alice", HEAT_FROM_WATCHER, PlaybackState.STOPPED, 96)); // adds PLEX 5512

    letAliceLeaveMemory(engine, Duration.ofHours(1));
    send(engine, report("alice", plexOnly, PlaybackState.STOPPED, 97));
    engine.close();
    clock.advance(Duration.ofMinutes(30));
    send(engine(), report("alice", plexOnly, PlaybackState.STOPPED, 98));

    assertThat(movieActions(trakt)).containsExactly(STOP);
  }

  @Test
  void memoryHoldsOnlyTheViewingsFinishedWithinTheRecentWindow() {
    ScrobbleEngine engine =
        track(
            ScrobbleEngine.builder(SETTINGS, Map.of(), stateDir)
                .clock(clock)
                .observer(notices::add)
                .sendInBackground(false)
                .build());
    Duration every = ScrobbleEngine.RECENT_WINDOW.dividedBy(15);
    int viewings = 1_000; // 66 windows of simulated time
    int mostHeld = 0;
    for (int i = 0; i < viewings; i++) {
      engine.accept(report("alice", movie(i), PlaybackState.STOPPED, 95));
      mostHeld = Math.max(mostHeld, engine.viewingsHeld());
      clock.advance(every);
    }
    engine.accept(
        report("alice", movie(viewings - 60), PlaybackState.STOPPED, 95)); // 4 windows ago

    assertThat(mostHeld)
        .isLessThanOrEqualTo((int) ScrobbleEngine.RECENT_WINDOW.dividedBy(every) + 1);
    assertThat(events()).hasSize(viewings).containsOnly("scrobble:stop");
  }

  @Test
  void nowPlayingListsPlaybacksInProgressMostRecentFirst() {
    ScrobbleEngine engine = engine();

    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 10));
    clock.advance(Duration.ofSeconds(5));
    send(engine, report("bob", EPISODE, PlaybackState.PLAYING, 5));
    clock.advance(Duration.ofSeconds(5));
    send(engine, report("alice", HEAT, PlaybackState.PAUSED, 12));

    assertThat(engine.nowPlaying())
        .extracting(NowPlaying::user, NowPlaying::state, NowPlaying::progressPercent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", PlaybackState.PAUSED, 12.0),
            org.assertj.core.groups.Tuple.tuple("bob", PlaybackState.PLAYING, 5.0));

    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    assertThat(engine.nowPlaying()).extracting(NowPlaying::user).containsExactly("bob");

    send(engine, report("bob", EPISODE, PlaybackState.STOPPED, 20));
    assertThat(engine.nowPlaying()).isEmpty();
    send(engine, report("bob", EPISODE, PlaybackState.PLAYING, 20));
    assertThat(engine.nowPlaying())
        .extracting(NowPlaying::user, NowPlaying::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", PlaybackState.PLAYING));
  }

  @Test
  void aPlaybackWhoseStopNeverCameIsForgottenAfterTheIdleTimeout() {
    ScrobbleEngine engine = engine();
    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 10));

    clock.advance(ScrobbleEngine.IDLE_TIMEOUT.plusMinutes(1));
    send(engine, report("bob", EPISODE, PlaybackState.PLAYING, 5));

    assertThat(engine.nowPlaying()).extracting(NowPlaying::user).containsExactly("bob");
  }

  @Test
  void recentListsNoticesNewestFirstUpToTheLimit() {
    ScrobbleEngine engine = engine();
    for (int i = 0; i < 80; i++) {
      send(engine, report("alice", movie(i), PlaybackState.STOPPED, 95));
    }
    engine.sendDue();

    List<ScrobbleNotice> recent = engine.recent(1000);
    assertThat(recent).hasSize(NoticeLog.CAPACITY);
    assertThat(recent.get(0).event()).isEqualTo("scrobble:sent");
    assertThat(recent.get(0).item()).isEqualTo(movie(79));
    assertThat(recent.get(0).sink()).isEqualTo(SIMKL);
    assertThat(engine.recent(2)).hasSize(2);
    assertThat(engine.recent(0)).isEmpty();
  }

  @Test
  void theQueueKeepsWorkingWhileASyncRunHoldsTheStateLockAndWrites() throws Exception {
    ScrobbleEngine engine = engine();
    try (StateLock lock = StateLock.acquire(stateDir, "run-1");
        StateStore store = SqliteStateStore.open(stateDir)) {
      CountDownLatch writing = new CountDownLatch(1);
      Thread run =
          new Thread(
              () ->
                  store.transaction(
                      tx -> {
                        store.runStarted("run-1", T0, false, "cli");
                        writing.countDown();
                        try {
                          Thread.sleep(200); // the run's transaction stays open a moment
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      run.start();
      writing.await();

      send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));

      run.join();
      assertThat(store.recentRuns(1)).extracting(RunRecord::runId).containsExactly("run-1");
    }
    assertThat(trakt.actions()).containsExactly(STOP);
  }

  @Test
  void theBackgroundSenderSendsWithoutBeingAsked() throws Exception {
    ScrobbleEngine engine = backgroundEngine();

    engine.accept(realTimeReport(PlaybackState.STOPPED, 95));

    assertThat(trakt.awaitTaken(1, 10_000))
        .extracting(RecordingTarget.Taken::action)
        .containsExactly(STOP);
    assertThat(simkl.awaitTaken(1, 10_000)).hasSize(1);
    assertThatThrownBy(engine::sendDue).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingStopsTheSendersAndTheNextEngineSendsWhatWasLeft() throws Exception {
    trakt.down(
        new ProviderException(
            ProviderException.Kind.UNAVAILABLE, "Trakt answered 503", true, Duration.ofMillis(20)));
    ScrobbleEngine engine = backgroundEngine();
    engine.accept(realTimeReport(PlaybackState.STOPPED, 95));
    assertThat(trakt.awaitAttempts(3, 10_000)).isGreaterThanOrEqualTo(3);
    assertThat(simkl.awaitTaken(1, 10_000)).hasSize(1);

    engine.close();
    int attemptsAtClose = trakt.attempts();
    assertThat(trakt.awaitAttempts(attemptsAtClose + 1, 200)).isEqualTo(attemptsAtClose);

    trakt = new RecordingTarget();
    simkl = new RecordingTarget();
    backgroundEngine();
    assertThat(trakt.awaitTaken(1, 10_000))
        .extracting(RecordingTarget.Taken::action)
        .containsExactly(STOP);
    assertThat(simkl.awaitTaken(1, 200)).isEmpty(); // it took its stop before the restart
    assertThat(trakt.awaitTaken(2, 200)).hasSize(1);
  }

  @Test
  void aClosedEngineTakesNoMoreReports() {
    ScrobbleEngine engine = engine();
    engine.close();

    assertThatThrownBy(() -> engine.accept(report("alice", HEAT, PlaybackState.PLAYING, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private ScrobbleEngine engine() {
    return track(
        ScrobbleEngine.builder(SETTINGS, sinks(), stateDir)
            .clock(clock)
            .random(new Random(42))
            .observer(notices::add)
            .sendInBackground(false)
            .build());
  }

  /** An engine on the real clock with its sender threads. */
  private ScrobbleEngine backgroundEngine() {
    return track(
        ScrobbleEngine.builder(SETTINGS, sinks(), stateDir)
            .clock(Clock.systemUTC())
            .random(new Random(7))
            .build());
  }

  private static PlaybackEvent realTimeReport(PlaybackState state, double progress) {
    return new PlaybackEvent(
        "PLEX", "default", "alice", null, HEAT, state, progress, Instant.now(), "webhook");
  }

  private Map<String, ScrobbleTarget> sinks() {
    Map<String, ScrobbleTarget> sinks = new LinkedHashMap<>();
    sinks.put(TRAKT, trakt);
    sinks.put(SIMKL, simkl);
    return sinks;
  }

  /** Accepts a report and sends what is due, as the background sender would right away. */
  private static void send(ScrobbleEngine engine, PlaybackEvent event) {
    engine.accept(event);
    engine.sendDue();
  }

  private ScrobbleEngine track(ScrobbleEngine engine) {
    engines.add(engine);
    return engine;
  }

  private PlaybackEvent report(String user, Item item, PlaybackState state, double progress) {
    return event(user, "player-1", item, state, progress, "webhook");
  }

  private PlaybackEvent event(
      String user, String session, Item item, PlaybackState state, double progress, String via) {
    return new PlaybackEvent(
        "PLEX", "default", user, session, item, state, progress, clock.instant(), via);
  }

  private static Item movie(int i) {
    return Item.movie("Movie " + i, 2000, Ids.of(IdKind.TMDB, 1000 + i));
  }

  private List<String> events() {
    return notices.stream().map(ScrobbleNotice::event).toList();
  }

  /** An engine to which alice's playback of Heat was reported, from its start to a stop at 95 %. */
  private ScrobbleEngine engineWhereAliceWatchedHeat() {
    ScrobbleEngine engine = engine();
    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 0));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 95));
    return engine;
  }

  /** A playing report at 3 % and a stop at 99 % of Heat: a second start and stop, a rewatch. */
  private void assertRewatch(ScrobbleEngine engine) {
    send(engine, report("alice", HEAT, PlaybackState.PLAYING, 3));
    send(engine, report("alice", HEAT, PlaybackState.STOPPED, 99));

    assertThat(movieActions(trakt)).containsExactly(START, STOP, START, STOP);
    assertThat(recentEvents(engine)).contains("scrobble:start");
    assertThat(engine.recent(100).stream().filter(n -> "via webhook, rewatch".equals(n.detail())))
        .hasSize(1);
  }

  /**
   * Lets {@code idle} pass, then a report of bob's, which lets go of alice's finished viewings:
   * only bob's is held in memory after it.
   */
  private void letAliceLeaveMemory(ScrobbleEngine engine, Duration idle) {
    clock.advance(idle);
    send(engine, report("bob", EPISODE, PlaybackState.PLAYING, 5));
    assertThat(engine.viewingsHeld()).as("only bob's viewing is held").isEqualTo(1);
  }

  /** The calls a sink took for movies (alice's Heat, by whatever ids; bob watches an episode). */
  private static List<ScrobbleAction> movieActions(RecordingTarget sink) {
    return sink.taken().stream()
        .filter(t -> t.item().type() == MediaType.MOVIE)
        .map(RecordingTarget.Taken::action)
        .toList();
  }

  private static List<String> recentEvents(ScrobbleEngine engine) {
    return engine.recent(100).stream().map(ScrobbleNotice::event).toList();
  }
}
