package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A play scrobbled to Trakt as it ends, then the scheduled {@code cw run} of Plex's history to
 * Trakt: the server's play of the same viewing lies within the history match window of the
 * scrobbled one, so Trakt keeps one play.
 */
class ScrobbledPlayThenSyncTest {
  @TempDir Path dir;
  private Workspace ws;
  private FakePlex plex;
  private FakeTraktServer trakt;
  private PlexTitle movie;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    plex = FakePlex.builder().clock(ws.clock()).build().start();
    trakt =
        FakeTraktServer.builder().clock(ws.clock()).writeInterval(Duration.ZERO).build().start();
    movie = plex.catalogue().generateMovies(plex.catalogue().addMovieSection("Movies"), 1).get(0);
    trakt.catalogue().generateMovies(1);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.plex(plex), Servers.trakt(trakt)),
            Servers.pair("PLEX", "TRAKT", "one-way", "\"history\": true")));
  }

  @AfterEach
  void stop() {
    plex.close();
    trakt.close();
  }

  /** The Trakt sink of the same settings a run reads, as the service holds it. */
  private ScrobbleTarget traktSink() throws Exception {
    JsonNode settings =
        JsonMapper.builder().build().readTree("{" + Servers.trakt(trakt) + "}").get("trakt");
    ProviderContext context =
        new ProviderContext(
            "TRAKT",
            "default",
            settings,
            "trakt",
            dir,
            ws.stateDir(),
            ws.clock(),
            false,
            DiagnosticLog.silent(),
            Sleeper.SYSTEM,
            new SplittableRandom(1));
    Provider provider = ProviderRegistry.load().factory("TRAKT").orElseThrow().create(context);
    return provider.scrobbleTarget().orElseThrow();
  }

  @Test
  void theScheduledSyncAddsNoSecondPlayOfAScrobbledViewing() throws Exception {
    Instant credits = ws.clock().instant();
    // Plex marks the title played at about 90 %, a little before the player stops.
    plex.user().play(movie, credits.minusSeconds(40));
    Item played = Item.movie(movie.title(), movie.year(), Ids.of(IdKind.IMDB, "tt1000001"));

    ScrobbleOutcome outcome = traktSink().scrobble(ScrobbleAction.STOP, played, 96.0, credits);

    assertThat(outcome).isEqualTo(ScrobbleOutcome.SENT);
    assertThat(trakt.user().plays()).hasSize(1);
    assertThat(trakt.user().plays().get(0).watchedAt()).isEqualTo(credits);

    ws.clock().advance(Duration.ofHours(2));
    CliRun run = ws.run();

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.planned("history", "target", "add")).isZero();
    assertThat(trakt.user().plays()).hasSize(1);
  }
}
