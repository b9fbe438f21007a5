package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktLists;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraktPlaylistsTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final List<TraktTitle> movies = trakt.catalogue().generateMovies(6);
  private final TraktTitle show = trakt.catalogue().generateShow(1, 1, 3);
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    trakt.close();
  }

  private Provider provider() {
    return TraktTestbed.provider(trakt, time, stateDir);
  }

  private static Item member(TraktTitle movie, String playlist, Integer position) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, movie.imdb()))
        .withPlaylist(PlaylistRef.named(playlist).withPosition(position));
  }

  @Test
  void readsEveryPersonalListsMembersInRankOrderWithTheirPlaylist() throws Exception {
    TraktLists.PersonalList road = trakt.user().createList("Road trip", "for the car");
    trakt.user().addToList(road, movies.get(2));
    trakt.user().addToList(road, trakt.catalogue().episode(show, 1, 2).orElseThrow());
    trakt.user().addToList(trakt.user().createList("Empty", null), movies.get(0));
    trakt.user().removeFromList(trakt.user().lists().named("Empty").orElseThrow(), movies.get(0));

    List<Item> members = provider().snapshot(Feature.PLAYLISTS);

    assertThat(members).hasSize(2);
    assertThat(members.get(0).ids().value(IdKind.TRAKT))
        .isEqualTo(Long.toString(movies.get(2).trakt()));
    assertThat(members.get(0).playlist().name()).isEqualTo("Road trip");
    assertThat(members.get(0).playlist().description()).isEqualTo("for the car");
    assertThat(members.get(0).playlist().position()).isZero();
    assertThat(members.get(0).playlist().id()).isEqualTo(Long.toString(road.traktId()));
    assertThat(members.get(0).listedAt()).isNotNull();
    assertThat(members.get(1).show().title()).isEqualTo("Show 1");
    assertThat(members.get(1).playlist().position()).isEqualTo(1);
  }

  @Test
  void addCreatesAMissingListByNameAndAddsToAnExistingOneMatchedIgnoringCase() throws Exception {
    TraktLists.PersonalList road = trakt.user().createList("Road trip", null);
    Provider p = provider();

    WriteResult result =
        p.add(
            Feature.PLAYLISTS,
            List.of(
                member(movies.get(0), " road TRIP ", null),
                member(movies.get(1), "Sunday", null),
                Item.movie(null, null, Ids.of(IdKind.IMDB, "tt0000404"))
                    .withPlaylist(PlaylistRef.named("Sunday"))));

    assertThat(result.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(
            ItemOutcome.Status.CONFIRMED,
            ItemOutcome.Status.CONFIRMED,
            ItemOutcome.Status.NOT_FOUND);
    assertThat(road.titles()).containsExactly(movies.get(0));
    assertThat(trakt.user().lists().named("Sunday").orElseThrow().titles())
        .containsExactly(movies.get(1));
  }

  @Test
  void removeTakesMembersOffButKeepsTheEmptiedList() throws Exception {
    TraktLists.PersonalList road = trakt.user().createList("Road trip", null);
    trakt.user().addToList(road, movies.get(0));

    WriteResult result =
        provider().remove(Feature.PLAYLISTS, List.of(member(movies.get(0), "Road trip", null)));

    assertThat(result.outcomes())
        .extracting(ItemOutcome::status)
        .containsExactly(ItemOutcome.Status.CONFIRMED);
    assertThat(road.titles()).isEmpty();
    assertThat(trakt.user().lists().all()).hasSize(1);
  }

  @Test
  void aReorderMovesEachMemberToItsPositionWithOneReorderCall() throws Exception {
    TraktLists.PersonalList road = trakt.user().createList("Road trip", null);
    movies.subList(0, 4).forEach(m -> trakt.user().addToList(road, m));
    Provider p = provider();
    trakt.clearLog();

    p.update(
        Feature.PLAYLISTS,
        List.of(member(movies.get(3), "Road trip", 0), member(movies.get(2), "Road trip", 1)));

    assertThat(road.titles())
        .containsExactly(movies.get(3), movies.get(2), movies.get(0), movies.get(1));
    assertThat(trakt.count("POST /users/me/lists/" + road.traktId() + "/items/reorder"))
        .isEqualTo(1);
    assertThat(p.canReorder(Feature.PLAYLISTS)).isTrue();
  }

  @Test
  void anAddWithPositionsPlacesTheNewMembers() throws Exception {
    TraktLists.PersonalList road = trakt.user().createList("Road trip", null);
    trakt.user().addToList(road, movies.get(0));

    provider().add(Feature.PLAYLISTS, List.of(member(movies.get(1), "Road trip", 0)));

    assertThat(road.titles()).containsExactly(movies.get(1), movies.get(0));
  }

  @Test
  void aFullListOnAFreeAccountStopsTheAddsWithTheCapNamed() throws Exception {
    trakt.user().lists().setLimits(2, 1);
    TraktLists.PersonalList road = trakt.user().createList("Road trip", null);
    trakt.user().addToList(road, movies.get(0));

    assertThatThrownBy(
            () ->
                provider()
                    .add(Feature.PLAYLISTS, List.of(member(movies.get(1), "Road trip", null))))
        .isInstanceOf(ProviderException.class)
        .satisfies(
            e -> assertThat(((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.LIMIT))
        .hasMessageContaining("list 'Road trip' may hold at most 1 items");
    assertThat(road.titles()).containsExactly(movies.get(0));
  }

  @Test
  void tooManyListsForAFreeAccountIsReportedAsTheListCap() throws Exception {
    trakt.user().lists().setLimits(1, 100);
    trakt.user().createList("Road trip", null);

    assertThatThrownBy(
            () -> provider().add(Feature.PLAYLISTS, List.of(member(movies.get(1), "Sunday", null))))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("at most 1 personal lists")
        .hasMessageContaining("'Sunday'");
  }

  @Test
  void episodeMembersAreSentUnderTheirShow() throws Exception {
    TraktLists.PersonalList road = trakt.user().createList("Road trip", null);
    Item episode =
        Item.episode(
                new ShowRef("Show 1", null, Ids.of(IdKind.TVDB, show.tvdb())),
                1,
                3,
                null,
                Ids.of(IdKind.TVDB, 99L))
            .withPlaylist(PlaylistRef.named("Road trip"));

    provider().add(Feature.PLAYLISTS, List.of(episode));

    assertThat(road.titles()).containsExactly(trakt.catalogue().episode(show, 1, 3).orElseThrow());
  }
}
