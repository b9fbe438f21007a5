package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexPlaylists;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cw run} of a two-way pair PLEX ↔ JELLYFIN with playlists. */
class PlexJellyfinPlaylistsTest {
  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer jellyfin;
  private FakePlex plex;
  private List<MbItem> jf;
  private List<PlexTitle> px;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    jellyfin =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    plex = FakePlex.builder().clock(ws.clock()).build().start();
    jf = jellyfin.library().generateMovies(5);
    px = plex.catalogue().generateMovies(plex.catalogue().addMovieSection("Movies"), 5);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.plex(plex), Servers.jellyfin(jellyfin)),
            Servers.pair(
                "PLEX",
                "JELLYFIN",
                "two-way",
                "\"playlists\": {\"enable\": true, \"add\": true, \"remove\": true}")));
  }

  @AfterEach
  void stop() {
    jellyfin.close();
    plex.close();
  }

  private List<String> jellyfinTitles(String playlist) {
    MbUser.Playlist p = jellyfin.user().playlistNamed(playlist).orElseThrow();
    return p.itemIds().stream()
        .map(id -> jellyfin.library().item(id).orElseThrow().name())
        .toList();
  }

  private List<String> plexTitles(String playlist) {
    return plex.user().playlists().titled(playlist).orElseThrow().titles().stream()
        .map(PlexTitle::title)
        .toList();
  }

  private CliRun run() {
    CliRun r = ws.run();
    ws.clock().advance(Duration.ofMinutes(5));
    return r;
  }

  @Test
  void playlistsMeetOnBothSidesAndAMemberRemovedOnOneSideDisappearsOnTheOther() {
    PlexPlaylists.Playlist road =
        plex.user()
            .playlists()
            .create("Road trip", false, List.of(px.get(0), px.get(1)), ws.clock().instant());
    MbUser.Playlist weekend =
        jellyfin.user().createPlaylist("0123456789abcdef0123456789abcdef", "Weekend");
    weekend.append(jf.get(2).id(), jf.get(2));
    weekend.append(jf.get(3).id(), jf.get(3));

    CliRun first = run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(jellyfinTitles("Road trip")).containsExactly("Movie 1", "Movie 2");
    assertThat(plexTitles("Weekend")).containsExactly("Movie 3", "Movie 4");

    CliRun second = run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();

    plex.user().playlists().removeEntry(road, road.entries().get(1).playlistItemId());
    CliRun third = run();

    assertThat(third.code()).as(third.toString()).isZero();
    assertThat(third.applied("playlists", "target", "remove")).isEqualTo(1);
    assertThat(jellyfinTitles("Road trip")).containsExactly("Movie 1");
    assertThat(run().nonZeroPlanned()).isEmpty();
  }

  @Test
  void aRenamedPlaylistIsANewPlaylistAndTheOldOneIsEmptiedButKept() {
    PlexPlaylists.Playlist road =
        plex.user()
            .playlists()
            .create("Road trip", false, List.of(px.get(0), px.get(4)), ws.clock().instant());
    CliRun first = run();
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(jellyfinTitles("Road trip")).containsExactly("Movie 1", "Movie 5");

    plex.user().playlists().rename(road, "Trip 2026");
    CliRun second = run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(jellyfinTitles("Trip 2026")).containsExactly("Movie 1", "Movie 5");
    assertThat(jellyfinTitles("Road trip")).isEmpty();
    assertThat(plex.user().playlists().titled("Road trip")).isEmpty();
    assertThat(run().nonZeroPlanned()).isEmpty();
  }
}
