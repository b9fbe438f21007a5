package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.TrackerDocs.listed;
import static io.crosswatch.app.scenario.TrackerDocs.played;
import static io.crosswatch.app.scenario.TrackerDocs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * FILE → TRAKT through the command line against the fake Trakt on loopback, with Trakt's real
 * limits (1 write per second, 1000 GETs per 5 minutes) and real sleeping: a few hundred items per
 * feature arrive in one write each, nothing doubles, no 429 is ever provoked, and once settled a
 * run costs one request.
 */
class TraktEndToEndTest {
  private static final Instant T0 = Instant.parse("2025-09-01T20:00:00Z");
  private static final int PER_FEATURE = 200;

  @TempDir Path dir;
  private final FakeTraktServer trakt =
      FakeTraktServer.builder().watchlistLimit(1000).build().start();
  private Workspace ws;

  @BeforeEach
  void setUp() {
    trakt.catalogue().generateMovies(3 * PER_FEATURE);
    ws = new Workspace(dir, Clock.systemUTC());
    ws.write("config.json", config(1000));
    ws.write("a.json", library());
  }

  /** FILE → TRAKT, all three features, history with rewatches. */
  private String config(int traktChunk) {
    return "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0,"
        + " \"apply_chunk_size_by_provider\": {\"TRAKT\": "
        + traktChunk
        + "}},\n"
        + " \"file\": {\"path\": \"a.json\"},\n"
        + " "
        + trakt.configBlock()
        + ",\n"
        + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRAKT\","
        + " \"features\": {\"watchlist\": true, \"ratings\": true,"
        + " \"history\": {\"enable\": true, \"add\": true, \"rewatches\": true}}}]}\n";
  }

  @AfterEach
  void stop() {
    trakt.close();
  }

  /**
   * Movies 1–200 on the watchlist, 201–400 watched (the first half twice), 401–600 rated: 200 + 300
   * + 200 items.
   */
  private static String library() {
    List<String> watchlist = new ArrayList<>();
    List<String> history = new ArrayList<>();
    List<String> ratings = new ArrayList<>();
    for (int i = 1; i <= PER_FEATURE; i++) {
      watchlist.add(listed(i, T0.plusSeconds(i)));
      history.add(played(PER_FEATURE + i, T0.plusSeconds(60L * i)));
      if (i <= PER_FEATURE / 2) {
        history.add(played(PER_FEATURE + i, T0.plusSeconds(60L * i).plusSeconds(86_400)));
      }
      ratings.add(rated(2 * PER_FEATURE + i, 1 + i % 10, T0.plusSeconds(i)));
    }
    return Docs.doc()
        .with("watchlist", watchlist.toArray(String[]::new))
        .with("history", history.toArray(String[]::new))
        .with("ratings", ratings.toArray(String[]::new))
        .json();
  }

  @Test
  void everyItemArrivesOnceAndTheNextRunMakesOnlyTheActivityCall() {
    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    TraktUser user = trakt.user();
    assertThat(user.watchlist()).hasSize(PER_FEATURE);
    assertThat(user.ratings()).hasSize(PER_FEATURE);
    assertThat(user.plays()).hasSize(PER_FEATURE * 3 / 2);
    assertThat(user.plays().stream().map(p -> p.title().key() + "@" + p.watchedAt()))
        .doesNotHaveDuplicates();
    assertThat(first.applied("history", "target", "add")).isEqualTo(PER_FEATURE * 3 / 2);
    assertThat(trakt.count("POST /sync/history")).isEqualTo(1);
    assertThat(trakt.count("POST /sync/watchlist")).isEqualTo(1);
    assertThat(trakt.count("POST /sync/ratings")).isEqualTo(1);
    assertNoRateLimits(first);

    trakt.clearLog();
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(user.plays()).hasSize(PER_FEATURE * 3 / 2);
    assertThat(trakt.requests())
        .extracting(r -> r.endpoint())
        .containsExactly("GET /sync/last_activities");
    assertNoRateLimits(second);
  }

  @Test
  void theJsonSummaryCountsTraktRequestsPerEndpoint() {
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode api = r.summary().get("api").get("TRAKT:default");
    Map<String, Long> byEndpoint = new TreeMap<>();
    api.get("by_endpoint")
        .properties()
        .forEach(e -> byEndpoint.put(e.getKey(), e.getValue().asLong()));
    assertThat(byEndpoint).isEqualTo(trakt.counts());
    assertThat(byEndpoint)
        .containsEntry("POST /sync/history", 1L)
        .containsEntry("POST /sync/watchlist", 1L)
        .containsEntry("POST /sync/ratings", 1L)
        .containsKeys("GET /sync/last_activities", "GET /sync/history", "GET /users/settings");
    assertThat(api.get("requests").asLong()).isEqualTo(trakt.requests().size());
    assertThat(api.get("retries").asLong()).isZero();
  }

  @Test
  void convergesInOneRunUnderOneFailureInFiveWithoutDoublingAPlay() {
    ws.write("config.json", config(100));
    trakt.faults().failRandomly(0.2, 503, 5);

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    TraktUser user = trakt.user();
    assertThat(user.plays()).hasSize(PER_FEATURE * 3 / 2);
    assertThat(user.plays().stream().map(p -> p.title().key() + "@" + p.watchedAt()))
        .doesNotHaveDuplicates();
    assertThat(user.watchlist()).hasSize(PER_FEATURE);
    assertThat(user.ratings()).hasSize(PER_FEATURE);
    assertThat(trakt.requests())
        .as("a history add answered 503 was re-checked and only its missing plays sent again")
        .filteredOn(q -> q.endpoint().equals("POST /sync/history"))
        .extracting(q -> q.status())
        .contains(503, 201);
    trakt.faults().failRandomly(0, 503, 5);
    assertThat(ws.run().nonZeroPlanned()).isEmpty();
  }

  private void assertNoRateLimits(CliRun run) {
    assertThat(trakt.rateLimited()).as("429s the fake Trakt answered").isZero();
    assertThat(run.summary().get("api").get("TRAKT:default").get("rate_limited").asLong()).isZero();
  }
}
