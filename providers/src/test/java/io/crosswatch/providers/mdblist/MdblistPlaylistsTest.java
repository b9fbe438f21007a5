package io.crosswatch.providers.mdblist;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.mdblist.MdblistLists;
import io.crosswatch.testkit.fake.mdblist.MdblistTitle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdblistPlaylistsTest {
  private final FakeTime time = FakeTime.standard();
  private FakeMdblistServer mdb =
      FakeMdblistServer.builder().clock(time).pageCap(100).build().start();
  private List<MdblistTitle> movies = mdb.catalogue().generateMovies(260);
  private MdblistTitle show = mdb.catalogue().generateShow(1);
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    mdb.close();
  }

  private void restart(FakeMdblistServer.Builder builder) {
    mdb.close();
    mdb = builder.clock(time).build().start();
    movies = mdb.catalogue().generateMovies(10);
    show = mdb.catalogue().generateShow(1);
  }

  private Provider provider() {
    return MdblistTestbed.provider(mdb, FakeMdblistServer.API_KEY, time, stateDir, log);
  }

  private static Item member(MdblistTitle t, String playlist) {
    Item title =
        t.show()
            ? Item.show(null, null, Ids.of(IdKind.IMDB, t.imdb()))
            : Item.movie(null, null, Ids.of(IdKind.IMDB, t.imdb()));
    return title.withPlaylist(PlaylistRef.named(playlist));
  }

  private List<String> titles(String list) {
    MdblistLists.UserList l = mdb.lists().named(list).orElseThrow();
    return mdb.lists().items(l).stream().map(MdblistTitle::title).toList();
  }

  private static List<ItemOutcome.Status> statuses(WriteResult r) {
    return r.outcomes().stream().map(ItemOutcome::status).toList();
  }

  @Test
  void staticListsAreWritablePlaylistsAndDynamicOnesReadOnlyWithAWarning() throws Exception {
    MdblistLists.UserList favs = mdb.lists().create("Favourites");
    mdb.lists().add(favs, movies.get(1));
    mdb.lists().add(favs, movies.get(0));
    mdb.lists().createDynamic("Top rated", List.of(show));

    List<Item> members = provider().snapshot(Feature.PLAYLISTS);

    assertThat(members)
        .extracting(
            m -> m.playlist().name(),
            m -> m.playlist().position(),
            m -> m.playlist().readOnly(),
            Item::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Favourites", 0, false, movies.get(1).title()),
            org.assertj.core.groups.Tuple.tuple("Favourites", 1, false, movies.get(0).title()),
            org.assertj.core.groups.Tuple.tuple("Top rated", 0, true, show.title()));
    assertThat(members.get(0).ids().value(IdKind.IMDB)).isEqualTo(movies.get(1).imdb());
    assertThat(members.get(0).playlist().id()).isEqualTo(Long.toString(favs.id()));
    assertThat(log.warnings()).anyMatch(w -> w.contains("Top rated") && w.contains("dynamic"));
  }

  @Test
  void aLongListIsReadPageByPage() throws Exception {
    MdblistLists.UserList big = mdb.lists().create("Big");
    movies.forEach(m -> mdb.lists().add(big, m));

    List<Item> members = provider().snapshot(Feature.PLAYLISTS);

    assertThat(members).hasSize(260);
    assertThat(members.get(259).playlist().position()).isEqualTo(259);
    assertThat(mdb.count("GET /lists/" + big.id() + "/items")).isEqualTo(3);
  }

  @Test
  void anAddCreatesAMissingStaticListAndAppendsItsMembers() throws Exception {
    WriteResult result =
        provider()
            .add(
                Feature.PLAYLISTS,
                List.of(
                    member(movies.get(2), "Road trip"),
                    member(show, "Road trip"),
                    member(movies.get(3), " road TRIP ")));

    assertThat(statuses(result)).containsOnly(ItemOutcome.Status.CONFIRMED);
    assertThat(titles("Road trip"))
        .containsExactly(movies.get(2).title(), movies.get(3).title(), show.title());
    assertThat(mdb.lists().all()).hasSize(1);
    assertThat(mdb.count("POST /lists/user/add")).isEqualTo(1);
  }

  @Test
  void aRemoveTakesMembersOffAndAListThatDoesNotExistHasNothingToRemove() throws Exception {
    MdblistLists.UserList favs = mdb.lists().create("Favourites");
    mdb.lists().add(favs, movies.get(0));
    mdb.lists().add(favs, movies.get(1));

    WriteResult result =
        provider()
            .remove(
                Feature.PLAYLISTS,
                List.of(member(movies.get(0), "favourites"), member(movies.get(1), "Elsewhere")));

    assertThat(statuses(result))
        .containsExactly(ItemOutcome.Status.CONFIRMED, ItemOutcome.Status.ALREADY_PRESENT);
    assertThat(titles("Favourites")).containsExactly(movies.get(1).title());
  }

  @Test
  void aDynamicListIsNeverWritten() throws Exception {
    mdb.lists().createDynamic("Top rated", List.of(movies.get(0)));

    WriteResult result =
        provider().add(Feature.PLAYLISTS, List.of(member(movies.get(5), "Top rated")));

    assertThat(result.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(result.outcomes().get(0).reason()).isEqualTo("read-only playlist");
    assertThat(result.outcomes().get(0).retriable()).isFalse();
    assertThat(mdb.requests()).noneMatch(r -> r.method().equals("POST"));
  }

  @Test
  void theAccountsListAndItemLimitsAreReportedAsSuch() throws Exception {
    restart(FakeMdblistServer.builder().listLimits(1, 2));
    mdb.lists().create("Only one");

    WriteResult tooManyLists =
        provider().add(Feature.PLAYLISTS, List.of(member(movies.get(0), "Second")));
    WriteResult tooManyItems =
        provider()
            .add(
                Feature.PLAYLISTS,
                List.of(
                    member(movies.get(0), "Only one"),
                    member(movies.get(1), "Only one"),
                    member(movies.get(2), "Only one")));

    assertThat(tooManyLists.outcomes().get(0).status()).isEqualTo(ItemOutcome.Status.FAILED);
    assertThat(tooManyLists.outcomes().get(0).reason()).contains("list limit");
    assertThat(statuses(tooManyItems)).containsOnly(ItemOutcome.Status.FAILED);
    assertThat(tooManyItems.outcomes().get(0).reason()).contains("item limit");
    assertThat(tooManyItems.outcomes()).allMatch(o -> !o.retriable());
  }

  @Test
  void episodesAndTitlesWithoutImdbOrTmdbAreNotSent() throws Exception {
    Item episode =
        Item.episode(
                new ShowRef(null, null, Ids.of(IdKind.IMDB, show.imdb())), 1, 1, null, Ids.empty())
            .withPlaylist(PlaylistRef.named("Mixed"));
    Item bare =
        Item.movie("Bare", 2000, Ids.of(IdKind.TVDB, 1)).withPlaylist(PlaylistRef.named("Mixed"));

    WriteResult result = provider().add(Feature.PLAYLISTS, List.of(episode, bare));

    assertThat(statuses(result)).containsOnly(ItemOutcome.Status.NOT_FOUND);
    assertThat(result.outcomes().get(0).reason()).isEqualTo(MdblistProvider.NOT_LISTABLE);
    assertThat(result.outcomes().get(1).reason()).isEqualTo(MdblistProvider.NO_IDS);
    assertThat(mdb.lists().all()).isEmpty();
  }
}
