package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.TrackerDocs.listed;
import static io.crosswatch.app.scenario.TrackerDocs.played;
import static io.crosswatch.app.scenario.TrackerDocs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FILE → TRAKT through the command line against a fake Trakt whose free account holds at most 10
 * watchlist items: the write that would pass the limit answers 420 with {@code X-Account-Limit},
 * which stops the watchlist adds for the run with a warning naming the limit, fails the feature
 * (exit 1), leaves history and ratings untouched and parks nothing; once the limit is raised the
 * next run completes the watchlist. Removes go before adds, so a full list whose titles are swapped
 * at the source makes room first and converges in one run.
 */
class TraktAccountLimitTest {
  private static final Instant T0 = Instant.parse("2025-09-01T20:00:00Z");
  private static final int LIMIT = 10;
  private static final int CHUNK = 4;

  @TempDir Path dir;
  private final FakeTraktServer trakt =
      FakeTraktServer.builder().watchlistLimit(LIMIT).build().start();

  @AfterEach
  void stop() {
    trakt.close();
  }

  private Workspace workspace(String watchlist, int traktChunk) {
    trakt.catalogue().generateMovies(50);
    return configure(new Workspace(dir, Clock.systemUTC()), watchlist, traktChunk);
  }

  /** FILE → TRAKT, watchlist as given, ratings and history with rewatches. */
  private Workspace configure(Workspace ws, String watchlist, int traktChunk) {
    return ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0,"
            + " \"apply_chunk_size_by_provider\": {\"TRAKT\": "
            + traktChunk
            + "}},\n"
            + " \"file\": {\"path\": \"a.json\"},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRAKT\","
            + " \"features\": {\"watchlist\": "
            + watchlist
            + ", \"ratings\": true, \"history\": {\"enable\": true, \"add\": true, \"rewatches\": true}}}]}\n");
  }

  /** Movies {@code from..to} on the watchlist. */
  private static List<String> listedMovies(int from, int to) {
    List<String> items = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      items.add(listed(i, T0.plusSeconds(i)));
    }
    return items;
  }

  /** Movies 1–30 on the watchlist, 31–36 watched (31 twice), 41–46 rated. */
  private static String library() {
    List<String> history = new ArrayList<>();
    List<String> ratings = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      history.add(played(30 + i, T0.plusSeconds(60L * i)));
      ratings.add(rated(40 + i, 1 + i, T0.plusSeconds(i)));
    }
    history.add(played(31, T0.plusSeconds(86_400)));
    return Docs.doc()
        .with("watchlist", listedMovies(1, 30).toArray(String[]::new))
        .with("history", history.toArray(String[]::new))
        .with("ratings", ratings.toArray(String[]::new))
        .json();
  }

  private CliRun state(Workspace ws, String command) {
    return ws.cw("state", command, "--state-dir", ws.stateDir().toString());
  }

  @Test
  void theLimitStopsWatchlistWritesForTheRunAndARaisedLimitLetsTheNextRunFinish()
      throws InterruptedException {
    Workspace ws = workspace("true", CHUNK);
    ws.write("a.json", library());

    CliRun limited = ws.run();

    assertThat(limited.code()).as("a failed feature exits 1: " + limited).isEqualTo(1);
    assertThat(limited.feature("watchlist").get("status").asString()).isEqualTo("failed");
    assertThat(limited.warnings("watchlist"))
        .contains("420")
        .contains("account limit reached (limit 10 items)")
        .contains("22 items not written; they stay planned");
    assertThat(limited.planned("watchlist", "target", "add")).isEqualTo(30);
    assertThat(limited.applied("watchlist", "target", "add")).isEqualTo(8);
    assertThat(limited.feature("watchlist").get("unresolved").asInt()).isZero();
    assertThat(trakt.user().watchlist()).hasSize(8);
    assertThat(trakt.requests())
        .as("the first chunk over the limit is the last watchlist write of the run")
        .filteredOn(q -> q.endpoint().equals("POST /sync/watchlist"))
        .extracting(q -> q.status())
        .containsExactly(201, 201, 420);

    assertThat(limited.feature("history").get("status").asString()).isEqualTo("ok");
    assertThat(limited.feature("ratings").get("status").asString()).isEqualTo("ok");
    assertThat(limited.applied("history", "target", "add")).isEqualTo(7);
    assertThat(limited.applied("ratings", "target", "add")).isEqualTo(6);
    TraktUser user = trakt.user();
    assertThat(user.plays()).hasSize(7);
    assertThat(user.ratings()).hasSize(6);
    assertThat(trakt.count("POST /sync/history")).isEqualTo(2);
    assertThat(trakt.count("POST /sync/ratings")).isEqualTo(2);

    assertThat(limited.summary().get("totals").get("unresolved").asInt()).isZero();
    assertThat(state(ws, "unresolved").out())
        .as("items refused for the account limit are neither parked nor failed for good")
        .contains("No unresolved or parked items.");
    assertNoRateLimits(limited);

    user.setWatchlistLimit(100);
    configure(ws, "true", 100); // the rest in one write, to keep the test short
    awaitTraktWriteInterval();
    trakt.clearLog();
    CliRun raised = ws.run();

    assertThat(raised.code()).as(raised.toString()).isZero();
    assertThat(raised.nonZeroPlanned()).containsExactly("watchlist.target.add=22");
    assertThat(raised.applied("watchlist", "target", "add")).isEqualTo(22);
    assertThat(user.watchlist()).hasSize(30);
    assertThat(user.plays()).hasSize(7);
    assertThat(user.ratings()).hasSize(6);
    assertThat(ws.run().nonZeroPlanned()).isEmpty();
    assertNoRateLimits(raised);
  }

  @Test
  void aFullListWhoseTitlesAreSwappedAtTheSourceRemovesThenAddsAndConvergesInOneRun()
      throws InterruptedException {
    Workspace ws = workspace("{\"enable\": true, \"add\": true, \"remove\": true}", LIMIT);
    ws.write(
        "a.json",
        Docs.doc().with("watchlist", listedMovies(1, LIMIT).toArray(String[]::new)).json());
    CliRun full = ws.run();
    assertThat(full.code()).as(full.toString()).isZero();
    assertThat(trakt.user().watchlist()).hasSize(LIMIT);
    ws.write(
        "a.json", Docs.doc().with("watchlist", listedMovies(4, 13).toArray(String[]::new)).json());
    awaitTraktWriteInterval();
    trakt.clearLog();

    CliRun swapped = ws.run();

    assertThat(swapped.code()).as(swapped.toString()).isZero();
    assertThat(swapped.nonZeroPlanned())
        .containsExactlyInAnyOrder("watchlist.target.add=3", "watchlist.target.remove=3");
    assertThat(swapped.applied("watchlist", "target", "remove")).isEqualTo(3);
    assertThat(swapped.applied("watchlist", "target", "add")).isEqualTo(3);
    assertThat(trakt.requests())
        .filteredOn(q -> !q.method().equals("GET"))
        .extracting(q -> q.endpoint() + " " + q.status())
        .as("room is made before the list is filled")
        .containsExactly("POST /sync/watchlist/remove 200", "POST /sync/watchlist 201");
    assertThat(trakt.user().watchlist())
        .extracting(e -> TrackerDocs.number(e.title()))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(4, 13).boxed().toList());
    assertThat(ws.run().nonZeroPlanned()).as("converged").isEmpty();
    assertNoRateLimits(swapped);
  }

  @Test
  void anAddOverTheLimitStopsOnlyTheAddsTheRemovesBesideItStillApply() throws InterruptedException {
    Workspace ws = workspace("{\"enable\": true, \"add\": true, \"remove\": true}", LIMIT);
    ws.write(
        "a.json",
        Docs.doc().with("watchlist", listedMovies(1, LIMIT).toArray(String[]::new)).json());
    assertThat(ws.run().code()).isZero();
    ws.write(
        "a.json", Docs.doc().with("watchlist", listedMovies(3, 14).toArray(String[]::new)).json());
    awaitTraktWriteInterval();
    trakt.clearLog();

    CliRun over = ws.run();

    assertThat(over.code()).as("the list cannot hold them all: " + over).isEqualTo(1);
    assertThat(over.warnings("watchlist")).contains("account limit reached (limit 10 items)");
    assertThat(over.applied("watchlist", "target", "remove")).isEqualTo(2);
    assertThat(over.applied("watchlist", "target", "add")).isZero();
    assertThat(trakt.user().watchlist()).hasSize(LIMIT - 2);
    assertThat(over.feature("history").get("status").asString()).isEqualTo("ok");
    assertThat(over.feature("ratings").get("status").asString()).isEqualTo("ok");
  }

  /**
   * Waits until a second has passed since the fake's last write. Each run paces its own writes
   * only, so a run whose first write follows the previous run's last one within Trakt's one write
   * per second is answered 429 once (and retries after {@code Retry-After}); separate runs are
   * further apart than that in practice.
   */
  private void awaitTraktWriteInterval() throws InterruptedException {
    Instant lastWrite =
        trakt.requests().stream()
            .filter(q -> !q.method().equals("GET"))
            .map(q -> q.at())
            .max(Instant::compareTo)
            .orElse(Instant.EPOCH);
    Duration left = Duration.between(Instant.now(), lastWrite.plusMillis(1100));
    if (!left.isNegative()) {
      Thread.sleep(left.toMillis() + 1);
    }
  }

  private void assertNoRateLimits(CliRun run) {
    assertThat(trakt.rateLimited()).as("429s the fake Trakt answered").isZero();
    assertThat(run.summary().get("api").get("TRAKT:default").get("rate_limited").asLong()).isZero();
  }
}
