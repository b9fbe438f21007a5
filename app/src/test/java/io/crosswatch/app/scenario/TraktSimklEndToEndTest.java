package io.crosswatch.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklTitle;
import io.crosswatch.testkit.fake.simkl.SimklUser;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import io.crosswatch.testkit.fake.trakt.TraktUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * TRAKT ↔ SIMKL two-way through the command line against both fakes on loopback, with the real
 * limits (Trakt: 1 write/s; SIMKL: 1 POST/s, 10 GETs/s) and real sleeping. Both fakes know movies
 * 1–180 under the same imdb and tmdb ids.
 */
class TraktSimklEndToEndTest {
  private static final Instant T0 = Instant.parse("2025-05-01T18:00:00Z");
  private static final int MOVIES = 180;

  @TempDir Path dir;
  private final FakeTraktServer trakt =
      FakeTraktServer.builder().watchlistLimit(1000).build().start();
  private final FakeSimklServer simkl = FakeSimklServer.builder().build().start();
  private List<TraktTitle> traktMovies;
  private List<SimklTitle> simklMovies;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    traktMovies = trakt.catalogue().generateMovies(MOVIES);
    simklMovies = simkl.catalogue().generateMovies(MOVIES);
    ws = new Workspace(dir, Clock.systemUTC());
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0,"
            + " \"apply_chunk_size_by_provider\": {\"TRAKT\": 1000, \"SIMKL\": 1000}},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"simkl\": {\"client_id\": \""
            + FakeSimklServer.CLIENT_ID
            + "\", \"access_token\": \""
            + FakeSimklServer.ACCESS_TOKEN
            + "\", \"base_url\": \""
            + simkl.baseUrl()
            + "\"},\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"TRAKT\", \"target\": \"SIMKL\","
            + " \"mode\": \"two-way\","
            + " \"features\": {\"watchlist\": true, \"history\": true, \"ratings\": true}}]}\n");
    seed();
  }

  @AfterEach
  void stop() {
    trakt.close();
    simkl.close();
  }

  /**
   * Trakt: movies 1–40 on the watchlist, 41–80 watched, 41–60 rated. SIMKL: 101–140 planned,
   * 141–180 completed, 141–160 rated.
   */
  private void seed() {
    TraktUser t = trakt.user();
    SimklUser s = simkl.user();
    for (int i = 1; i <= 40; i++) {
      t.addToWatchlist(traktMovie(i), T0.plusSeconds(i));
      t.addPlay(traktMovie(40 + i), T0.plusSeconds(600L * i));
      s.addToList(simklMovie(100 + i), "plantowatch", T0.plusSeconds(i));
      s.watchMovie(simklMovie(140 + i), T0.plusSeconds(600L * i));
      if (i <= 20) {
        t.rate(traktMovie(40 + i), 1 + i % 10, T0.plusSeconds(i));
        s.rate(simklMovie(140 + i), 1 + (i + 3) % 10, T0.plusSeconds(i));
      }
    }
  }

  private TraktTitle traktMovie(int i) {
    return traktMovies.get(i - 1);
  }

  private SimklTitle simklMovie(int i) {
    return simklMovies.get(i - 1);
  }

  @Test
  void convergesInOneRunAndTheNextRunPlansNothing() {
    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertConverged();
    assertNoRateLimits(first);

    trakt.clearLog();
    simkl.clearLog();
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertConverged();
    assertNoRateLimits(second);
    assertThat(trakt.requests())
        .extracting(r -> r.endpoint())
        .containsExactly("GET /sync/last_activities");
    assertThat(simkl.requests())
        .extracting(r -> r.endpoint())
        .containsExactly("GET /sync/activities");
  }

  @Test
  void convergesWithinTwoRunsUnderOneFailureInFiveAndNeverDoublesAPlay() {
    trakt.faults().failRandomly(0.2, 503, 11);
    simkl.faults().failRandomly(0.2, 502, 12);
    // The worst kind: Trakt records the plays, then answers 502, so the run cannot tell.
    trakt.failAfterApplying(1, 502, "/sync/history");

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isEqualTo(1);
    assertThat(first.err()).contains("not sent again");
    assertThat(trakt.requests()).extracting(r -> r.status()).contains(503, 502);
    assertThat(simkl.requests()).extracting(r -> r.status()).contains(502);
    JsonNode api = first.summary().get("api");
    assertThat(api.get("TRAKT:default").get("retries").asLong()).isPositive();
    assertThat(api.get("SIMKL:default").get("retries").asLong()).isPositive();

    CliRun second = ws.run();

    assertThat(second.code()).as(first + "\n" + second).isZero();
    assertConverged();
    assertThat(trakt.rateLimited()).isZero();
    assertThat(simkl.rateLimited()).isZero();
  }

  private void assertConverged() {
    Set<String> traktWatchlist =
        trakt.user().watchlist().stream().map(e -> e.title().imdb()).collect(Collectors.toSet());
    Set<String> simklWatchlist =
        simkl.user().entries().stream()
            .filter(e -> e.status().equals("plantowatch"))
            .map(e -> e.title().imdb())
            .collect(Collectors.toSet());
    assertThat(traktWatchlist).hasSize(80).isEqualTo(simklWatchlist);

    List<String> traktPlays =
        trakt.user().plays().stream().map(p -> p.title().imdb() + "@" + p.watchedAt()).toList();
    Set<String> simklPlays =
        simkl.user().entries().stream()
            .filter(e -> e.lastWatchedAt() != null)
            .map(e -> e.title().imdb() + "@" + e.lastWatchedAt())
            .collect(Collectors.toSet());
    assertThat(traktPlays).doesNotHaveDuplicates().hasSize(80);
    assertThat(Set.copyOf(traktPlays)).isEqualTo(simklPlays);

    Set<String> traktRatings =
        trakt.user().ratings().stream()
            .map(r -> r.title().imdb() + "=" + r.rating())
            .collect(Collectors.toSet());
    Set<String> simklRatings =
        simkl.user().entries().stream()
            .filter(e -> e.rating() != null)
            .map(e -> e.title().imdb() + "=" + e.rating())
            .collect(Collectors.toSet());
    assertThat(traktRatings).hasSize(40).isEqualTo(simklRatings);
  }

  private void assertNoRateLimits(CliRun run) {
    assertThat(trakt.rateLimited()).as("429s of the fake Trakt").isZero();
    assertThat(simkl.rateLimited()).as("429s of the fake SIMKL").isZero();
    JsonNode api = run.summary().get("api");
    assertThat(api.get("TRAKT:default").get("rate_limited").asLong()).isZero();
    assertThat(api.get("SIMKL:default").get("rate_limited").asLong()).isZero();
  }
}
