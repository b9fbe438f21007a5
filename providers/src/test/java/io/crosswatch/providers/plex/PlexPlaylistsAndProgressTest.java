package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ItemOutcome.Status;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexPlaylists;
import io.crosswatch.testkit.fake.plex.PlexSection;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class PlexPlaylistsAndProgressTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final PlexSection moviesSection = plex.catalogue().addMovieSection("Movies");
  private final List<PlexTitle> movies = plex.catalogue().generateMovies(moviesSection, 4);
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    plex.close();
  }

  private Provider provider() {
    ObjectNode settings = PlexApi.MAPPER.createObjectNode();
    settings.put("server_url", plex.serverUrl().toString());
    settings.put("discover_url", plex.discoverUrl().toString());
    settings.put("plex_tv_url", plex.plexTvUrl().toString());
    settings.put("account_token", FakePlex.TOKEN);
    settings.put("client_id", "crosswatch-test-device");
    settings.put("timeout", 5);
    ProviderContext context =
        new ProviderContext(
            "PLEX",
            "default",
            settings,
            "plex",
            Path.of("."),
            stateDir,
            time,
            true,
            new RecordingLog());
    return new PlexProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  private Item movie(int i) {
    String imdb =
        movies.get(i).externalGuids().stream()
            .filter(g -> g.startsWith("imdb://"))
            .findFirst()
            .orElseThrow()
            .substring("imdb://".length());
    return Item.movie(null, null, Ids.of(IdKind.IMDB, imdb));
  }

  private Item member(int i, String playlist, Integer position) {
    return movie(i).withPlaylist(PlaylistRef.named(playlist).withPosition(position));
  }

  @Test
  void readsPlaylistsWithSmartOnesAsReadOnly() throws Exception {
    plex.user().playlists().create("Road trip", false, List.of(movies.get(2), movies.get(0)), T0);
    plex.user().playlists().create("Unwatched", true, List.of(movies.get(1)), T0);

    List<Item> members = provider().snapshot(Feature.PLAYLISTS);

    assertThat(members).hasSize(3);
    assertThat(members.get(0).title()).isEqualTo(movies.get(2).title());
    assertThat(members.get(0).playlist().position()).isZero();
    assertThat(members.get(1).playlist().position()).isEqualTo(1);
    assertThat(members.get(0).playlist().readOnly()).isFalse();
    assertThat(members.get(2).playlist().name()).isEqualTo("Unwatched");
    assertThat(members.get(2).playlist().readOnly()).isTrue();
  }

  @Test
  void addCreatesThePlaylistByServerUriThenAppendsAndRefusesSmartOnes() throws Exception {
    plex.user().playlists().create("Unwatched", true, List.of(movies.get(1)), T0);
    Provider p = provider();

    WriteResult r =
        p.add(
            Feature.PLAYLISTS,
            List.of(
                member(0, "Road trip", null),
                member(3, "road TRIP", null),
                member(0, "Road trip", null),
                member(2, "Unwatched", null)));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(Status.CONFIRMED, Status.CONFIRMED, Status.ALREADY_PRESENT, Status.FAILED);
    assertThat(r.outcomes().get(3).reason()).isEqualTo("read-only playlist");
    assertThat(plex.user().playlists().titled("Road trip").orElseThrow().titles())
        .containsExactly(movies.get(0), movies.get(3));
    assertThat(plex.user().playlists().titled("Unwatched").orElseThrow().titles())
        .containsExactly(movies.get(1));
  }

  @Test
  void removeDeletesEntriesAndKeepsThePlaylistAndReorderMovesAfterThePredecessor()
      throws Exception {
    PlexPlaylists.Playlist road =
        plex.user().playlists().create("Road trip", false, List.copyOf(movies), T0);
    Provider p = provider();

    p.remove(Feature.PLAYLISTS, List.of(member(1, "Road trip", null)));
    p.update(Feature.PLAYLISTS, List.of(member(3, "Road trip", 0), member(2, "Road trip", 1)));

    assertThat(road.titles()).containsExactly(movies.get(3), movies.get(2), movies.get(0));
    assertThat(p.canReorder(Feature.PLAYLISTS)).isTrue();
  }

  @Test
  void resumePointsAreTheViewOffsetInMillisecondsWithTheDuration() throws Exception {
    plex.user().stopAt(movies.get(1), 1_800_000L, T0);

    List<Item> points = provider().snapshot(Feature.PROGRESS);

    assertThat(points).hasSize(1);
    assertThat(points.get(0).progressMs()).isEqualTo(1_800_000L);
    assertThat(points.get(0).durationMs()).isEqualTo(7_200_000L);
    assertThat(points.get(0).pausedAt()).isEqualTo(T0);
  }

  @Test
  void writesPointsThroughTheTimelineAndNeverOnesPlexWouldCountAsWatched() throws Exception {
    Provider p = provider();

    WriteResult r =
        p.add(
            Feature.PROGRESS,
            List.of(
                movie(0).withProgress(2_400_000L, 7_000_000L, T0),
                movie(1).withProgress(6_600_000L, 7_200_000L, T0)));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(Status.CONFIRMED, Status.FAILED);
    assertThat(r.outcomes().get(1).reason()).contains("90 %");
    assertThat(plex.user().state(movies.get(0)).viewOffset()).isEqualTo(2_400_000L);
    assertThat(plex.user().state(movies.get(1)).viewCount()).isZero();
    assertThat(plex.count("GET /:/timeline")).isEqualTo(1);
  }

  @Test
  void clearsAPointOfAnUnplayedTitleButRefusesToUnplayAPlayedOne() throws Exception {
    plex.user().stopAt(movies.get(0), 600_000L, T0);
    plex.user().play(movies.get(1), T0);
    plex.user().stopAt(movies.get(1), 600_000L, T0.plusSeconds(60));
    Provider p = provider();

    WriteResult r = p.remove(Feature.PROGRESS, List.of(movie(0), movie(1), movie(2)));

    assertThat(r.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(Status.CONFIRMED, Status.FAILED, Status.ALREADY_PRESENT);
    assertThat(plex.user().state(movies.get(0)).viewOffset()).isZero();
    assertThat(plex.user().state(movies.get(1)).viewCount()).isEqualTo(1);
  }
}
