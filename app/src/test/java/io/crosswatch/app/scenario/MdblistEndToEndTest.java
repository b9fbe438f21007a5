package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.TrackerDocs.listed;
import static io.crosswatch.app.scenario.TrackerDocs.played;
import static io.crosswatch.app.scenario.TrackerDocs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.mdblist.MdblistUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * FILE → MDBLIST through the command line against the fake MDBList on loopback, with MDBList's
 * pacing and real sleeping: a few hundred items per feature arrive in chunks, nothing doubles, the
 * daily quota is never overdrawn (no 429), and once settled a run costs one request.
 */
class MdblistEndToEndTest {
  private static final Instant T0 = Instant.parse("2025-10-01T20:00:00Z");
  private static final int PER_FEATURE = 150;
  private static final int EPISODES = 20;

  @TempDir Path dir;
  private FakeMdblistServer mdb;
  private Workspace ws;

  @AfterEach
  void stop() {
    if (mdb != null) {
      mdb.close();
    }
  }

  private void start(FakeMdblistServer.Builder builder) {
    mdb = builder.build().start();
    mdb.catalogue().generateMovies(3 * PER_FEATURE);
    mdb.catalogue().generateShow(1);
    ws = new Workspace(dir, Clock.systemUTC());
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},\n"
            + " \"file\": {\"path\": \"a.json\"},\n"
            + " \"mdblist\": {\"api_key\": \""
            + FakeMdblistServer.API_KEY
            + "\", \"base_url\": \""
            + mdb.baseUrl()
            + "\"},\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"MDBLIST\","
            + " \"features\": {\"watchlist\": true, \"history\": true, \"ratings\": true}}]}\n");
    ws.write("a.json", library());
  }

  /**
   * Movies 1–150 and show 1 on the watchlist; movies 151–300 and episodes 1–20 of show 1's first
   * season watched; movies 301–450 rated: 151 + 170 + 150 items.
   */
  private static String library() {
    List<String> watchlist = new ArrayList<>();
    List<String> history = new ArrayList<>();
    List<String> ratings = new ArrayList<>();
    for (int i = 1; i <= PER_FEATURE; i++) {
      watchlist.add(listed(i, T0.plusSeconds(i)));
      history.add(played(PER_FEATURE + i, T0.plusSeconds(60L * i)));
      ratings.add(rated(2 * PER_FEATURE + i, 1 + i % 10, T0.plusSeconds(i)));
    }
    watchlist.add(
        "{\"type\": \"show\", \"title\": \"Show 1\", \"year\": 1961,"
            + " \"ids\": {\"imdb\": \"tt5000001\", \"tmdb\": 700001, \"tvdb\": 300001},"
            + " \"listed_at\": \""
            + T0
            + "\"}");
    for (int e = 1; e <= EPISODES; e++) {
      history.add(
          String.format(
              Locale.ROOT,
              "{\"type\": \"episode\", \"title\": \"Episode %d\", \"show\": {\"title\": \"Show 1\","
                  + " \"year\": 1961, \"ids\": {\"tvdb\": 300001, \"imdb\": \"tt5000001\"}},"
                  + " \"season\": 1, \"number\": %d, \"ids\": {}, \"watched_at\": \"%s\"}",
              e,
              e,
              T0.plusSeconds(86_400L + 3_600L * e)));
    }
    return Docs.doc()
        .with("watchlist", watchlist.toArray(String[]::new))
        .with("history", history.toArray(String[]::new))
        .with("ratings", ratings.toArray(String[]::new))
        .json();
  }

  @Test
  void everyItemArrivesOnceAndTheNextRunMakesOnlyTheActivitiesCall() {
    start(FakeMdblistServer.builder());

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    MdblistUser user = mdb.user();
    assertThat(user.watchlist()).hasSize(PER_FEATURE + 1);
    assertThat(user.ratings()).hasSize(PER_FEATURE);
    assertThat(user.plays()).hasSize(PER_FEATURE + EPISODES);
    assertThat(user.plays().stream().map(p -> p.title().key() + "#" + p.number()))
        .doesNotHaveDuplicates();
    assertThat(first.applied("history", "target", "add")).isEqualTo(PER_FEATURE + EPISODES);
    assertThat(first.applied("watchlist", "target", "add")).isEqualTo(PER_FEATURE + 1);
    assertThat(first.applied("ratings", "target", "add")).isEqualTo(PER_FEATURE);
    assertThat(mdb.count("POST /sync/watched")).isEqualTo(2);
    assertThat(mdb.count("POST /watchlist/items/add")).isEqualTo(2);
    assertThat(mdb.count("POST /sync/ratings")).isEqualTo(2);
    assertNoRateLimits(first);

    mdb.clearLog();
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(user.plays()).hasSize(PER_FEATURE + EPISODES);
    assertThat(mdb.requests())
        .extracting(RecordedRequest::endpoint)
        .containsExactly("GET /sync/last_activities");
    JsonNode api = second.summary().get("api").get("MDBLIST:default");
    assertThat(api.get("requests").asLong()).isEqualTo(1);
    assertNoRateLimits(second);
  }

  @Test
  void aRunStopsBeforeTheQuotaReserveWithoutA429AndTheNextDayFinishes() {
    FakeTime fakeDay = new FakeTime(Instant.now());
    // 1000 a day, 105 left: five calls before the last 100 (the reserve) are reached.
    start(FakeMdblistServer.builder().clock(fakeDay).quota(1000, 105));

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isEqualTo(1);
    assertThat(first.err()).contains("daily API quota nearly spent", "resets at");
    assertThat(mdb.remaining()).isEqualTo(100);
    assertThat(mdb.requests()).extracting(RecordedRequest::status).containsOnly(200);
    assertNoRateLimits(first);

    fakeDay.advance(Duration.ofDays(1));
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(mdb.user().watchlist()).hasSize(PER_FEATURE + 1);
    assertThat(mdb.user().ratings()).hasSize(PER_FEATURE);
    assertThat(mdb.user().plays()).hasSize(PER_FEATURE + EPISODES);
    assertNoRateLimits(second);
  }

  private void assertNoRateLimits(CliRun run) {
    assertThat(mdb.rateLimited()).as("429s of the fake MDBList").isZero();
    assertThat(mdb.requests()).extracting(RecordedRequest::status).doesNotContain(429);
    assertThat(run.summary().get("api").get("MDBLIST:default").get("rate_limited").asLong())
        .isZero();
  }
}
