package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.TrackerDocs.listed;
import static io.crosswatch.app.scenario.TrackerDocs.played;
import static io.crosswatch.app.scenario.TrackerDocs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import io.crosswatch.testkit.fake.trakt.TraktUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review, apply and undo against the fake Trakt: a saved plan is applied exactly and a second time
 * changes nothing; a run's adds, rating updates and plays are reversed, and the reversal can itself
 * be undone.
 */
class TraktPlanAndUndoTest {
  private static final Instant T = Instant.parse("2025-09-01T20:00:00Z");
  private static final Instant EARLIER = T.minusSeconds(86_400);

  @TempDir Path dir;
  private final FakeTraktServer trakt = FakeTraktServer.builder().build().start();
  private Workspace ws;
  private List<TraktTitle> movies;

  @BeforeEach
  void setUp() {
    movies = trakt.catalogue().generateMovies(10);
    // Trakt already rates movie 5 with 4.
    trakt.user().rate(movie(5), 4, T);
    // ... and holds an earlier play of movie 3 that no run of crosswatch made.
    trakt.user().addPlay(movie(3), EARLIER);
    ws = new Workspace(dir, Clock.systemUTC());
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},\n"
            + " \"file\": {\"path\": \"a.json\"},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRAKT\","
            + " \"features\": {\"watchlist\": true, \"ratings\": true,"
            + " \"history\": {\"enable\": true, \"add\": true, \"rewatches\": true}}}]}\n");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, T), listed(2, T))
            .with("history", played(3, T), played(3, T.plusSeconds(3600)))
            .with("ratings", rated(5, 8, T.plusSeconds(60)))
            .json());
  }

  @AfterEach
  void stop() {
    trakt.close();
  }

  private TraktTitle movie(int i) {
    return movies.get(i - 1);
  }

  private CliRun cw(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 3);
    all[args.length] = "--config";
    all[args.length + 1] = ws.config().toString();
    all[args.length + 2] = "--json";
    return ws.cw(all);
  }

  private long writes() {
    return trakt.requests().stream().filter(r -> r.endpoint().startsWith("POST")).count();
  }

  @Test
  void aSavedPlanIsAppliedExactlyAndASecondApplyChangesNothing() {
    CliRun plan = ws.plan("--out", ws.path("plan.json").toString());
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(writes()).isZero();

    CliRun apply = cw("apply", ws.path("plan.json").toString());

    assertThat(apply.code()).as(apply.toString()).isZero();
    TraktUser user = trakt.user();
    assertThat(user.watchlist())
        .extracting(e -> e.title())
        .containsExactlyInAnyOrder(movie(1), movie(2));
    assertThat(user.plays()).hasSize(3);
    assertThat(user.ratings()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(8));
    assertThat(apply.summary().get("totals").get("added").asInt()).isEqualTo(4);

    trakt.clearLog();
    CliRun again = cw("apply", ws.path("plan.json").toString());

    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(writes()).isZero();
    assertThat(user.plays()).hasSize(3);
    assertThat(again.applied("history", "target", "add")).isEqualTo(2);
  }

  @Test
  void undoReversesARunOnTraktAndTheUndoCanBeUndone() {
    CliRun run = cw("run");
    assertThat(run.code()).as(run.toString()).isZero();
    TraktUser user = trakt.user();
    assertThat(user.plays()).hasSize(3);

    CliRun undo = cw("undo", run.summary().get("run_id").asString());

    assertThat(undo.code()).as(undo.toString()).isZero();
    assertThat(user.watchlist()).isEmpty();
    assertThat(user.plays()).extracting(p -> p.watchedAt()).containsExactly(EARLIER);
    assertThat(user.ratings()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(4));

    CliRun redo = cw("undo", undo.summary().get("run_id").asString());

    assertThat(redo.code()).as(redo.toString()).isZero();
    assertThat(user.watchlist()).hasSize(2);
    assertThat(user.plays())
        .extracting(p -> p.watchedAt())
        .containsExactlyInAnyOrder(EARLIER, T, T.plusSeconds(3600));
    assertThat(user.ratings()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(8));
  }
}
