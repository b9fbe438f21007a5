package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cw run} of a two-way pair EMBY ↔ JELLYFIN with playlists. */
class EmbyJellyfinPlaylistsTest {
  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer emby;
  private FakeMediaBrowserServer jellyfin;
  private List<MbItem> em;
  private List<MbItem> jf;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    emby = FakeMediaBrowserServer.builder(ServerDialect.EMBY).clock(ws.clock()).build().start();
    jellyfin =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    em = emby.library().generateMovies(5);
    jf = jellyfin.library().generateMovies(5);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.emby(emby), Servers.jellyfin(jellyfin)),
            Servers.pair(
                "EMBY",
                "JELLYFIN",
                "two-way",
                "\"playlists\": {\"enable\": true, \"add\": true, \"remove\": true}")));
  }

  @AfterEach
  void stop() {
    emby.close();
    jellyfin.close();
  }

  private static List<String> titles(FakeMediaBrowserServer server, String playlist) {
    MbUser.Playlist p = server.user().playlistNamed(playlist).orElseThrow();
    return p.itemIds().stream().map(id -> server.library().item(id).orElseThrow().name()).toList();
  }

  private CliRun run() {
    CliRun r = ws.run();
    ws.clock().advance(Duration.ofMinutes(5));
    return r;
  }

  @Test
  void playlistsMeetOnBothSidesAndAMemberRemovedOnEmbyDisappearsOnJellyfin() {
    MbUser.Playlist road = emby.user().createPlaylist("9001", "Road trip");
    road.append(em.get(0).id(), em.get(0));
    road.append(em.get(1).id(), em.get(1));
    road.append(em.get(4).id(), em.get(4));
    MbUser.Playlist weekend =
        jellyfin.user().createPlaylist("0123456789abcdef0123456789abcdef", "Weekend");
    weekend.append(jf.get(2).id(), jf.get(2));
    weekend.append(jf.get(3).id(), jf.get(3));

    CliRun first = run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(titles(jellyfin, "Road trip")).containsExactly("Movie 1", "Movie 2", "Movie 5");
    assertThat(titles(emby, "Weekend")).containsExactly("Movie 3", "Movie 4");

    CliRun second = run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();

    MbItem dropped = em.get(1);
    emby.user().playlistNamed("Road trip").orElseThrow().removeItem(dropped.id());
    CliRun third = run();

    assertThat(third.code()).as(third.toString()).isZero();
    assertThat(third.applied("playlists", "target", "remove")).isEqualTo(1);
    assertThat(titles(jellyfin, "Road trip")).containsExactly("Movie 1", "Movie 5");
    assertThat(run().nonZeroPlanned()).isEmpty();
  }
}
