package io.crosswatch.providers.mediabrowser;

import static io.crosswatch.providers.mediabrowser.MediaBrowserTestbed.episode;
import static io.crosswatch.providers.mediabrowser.MediaBrowserTestbed.movie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ItemOutcome.Status;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaBrowserWritesTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private static List<Status> statuses(WriteResult r) {
    return r.outcomes().stream().map(ItemOutcome::status).toList();
  }

  private static List<RecordedRequest> writes(MediaBrowserTestbed bed) {
    return bed.server.requests().stream().filter(r -> !r.method().equals("GET")).toList();
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void historyAddMarksPlayedAtThePlaysTime(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem m = bed.server.library().generateMovies(1).get(0);
      MbItem series = bed.server.library().generateSeries(1, 2, 4);
      MbItem ep = bed.server.library().episode(series, 2, 4).orElseThrow();
      Provider p = bed.provider();

      WriteResult r =
          p.add(
              Feature.HISTORY,
              List.of(
                  movie(1).withWatchedAt(T0), episode(1, 2, 4).withWatchedAt(T0.plusSeconds(9))));

      assertThat(statuses(r)).containsOnly(Status.CONFIRMED);
      MbUser user = bed.server.user();
      assertThat(user.userData(m).played()).isTrue();
      assertThat(user.userData(m).lastPlayedDate()).isEqualTo(T0);
      assertThat(user.userData(ep).lastPlayedDate()).isEqualTo(T0.plusSeconds(9));
      RecordedRequest first =
          writes(bed).stream().filter(w -> w.path().endsWith(m.id())).findFirst().orElseThrow();
      if (dialect == ServerDialect.JELLYFIN) {
        assertThat(first.path()).startsWith("/UserPlayedItems/");
        assertThat(first.request().query())
            .containsEntry("userId", user.id())
            .containsKey("datePlayed");
      } else {
        assertThat(first.path()).startsWith("/Users/" + user.id() + "/PlayedItems/");
        assertThat(first.request().query()).containsValue("20250601120000");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void anOlderPlayOfAPlayedTitleIsAlreadyPresentAndNeverMovesTheDateBack(ServerDialect dialect)
      throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(2);
      bed.server.user().markPlayed(movies.get(0), T0);
      bed.server.user().markPlayed(movies.get(1), T0);
      Provider p = bed.provider();

      WriteResult r =
          p.add(
              Feature.HISTORY,
              List.of(
                  movie(1).withWatchedAt(T0.minusSeconds(3600)),
                  movie(2).withWatchedAt(T0.plusSeconds(3600))));

      assertThat(statuses(r)).containsExactly(Status.ALREADY_PRESENT, Status.CONFIRMED);
      assertThat(bed.server.user().userData(movies.get(0)).lastPlayedDate()).isEqualTo(T0);
      assertThat(bed.server.user().userData(movies.get(1)).lastPlayedDate())
          .isEqualTo(T0.plusSeconds(3600));
      assertThat(writes(bed)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void titlesOutsideTheLibraryAreNotInLibraryAndNeverSent(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(1);
      bed.server.library().generateSeries(1, 1, 2);
      Item unknown = Item.movie(null, null, Ids.of(IdKind.IMDB, "tt7777777"));
      Item missingEpisode = episode(1, 1, 9);
      Item unknownShow =
          Item.episode(new ShowRef("X", null, Ids.of(IdKind.TVDB, 9)), 1, 1, null, Ids.empty());

      WriteResult r =
          bed.provider()
              .add(
                  Feature.HISTORY,
                  List.of(
                      unknown.withWatchedAt(T0),
                      missingEpisode.withWatchedAt(T0),
                      unknownShow.withWatchedAt(T0)));

      assertThat(r.outcomes())
          .extracting(ItemOutcome::status, ItemOutcome::reason)
          .containsOnly(org.assertj.core.groups.Tuple.tuple(Status.NOT_FOUND, "not_in_library"));
      assertThat(writes(bed)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void writesResolveByTheServersOwnIdsToo(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem m = bed.server.library().generateMovies(1).get(0);
      Item local = Item.movie("Movie 1", null, Ids.of(bed.localKind(), m.id()));

      WriteResult r = bed.provider().add(Feature.WATCHLIST, List.of(local));

      assertThat(statuses(r)).containsExactly(Status.CONFIRMED);
      assertThat(bed.server.user().userData(m).favorite()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void historyRemoveUnplaysOnlyTheViewingTheServerHolds(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      List<MbItem> movies = bed.server.library().generateMovies(3);
      bed.server.user().markPlayed(movies.get(0), T0);
      bed.server.user().markPlayed(movies.get(1), T0);
      Provider p = bed.provider();

      WriteResult r =
          p.remove(
              Feature.HISTORY,
              List.of(
                  movie(1).withWatchedAt(T0.plusSeconds(30)),
                  movie(2).withWatchedAt(T0.minusSeconds(86400)),
                  movie(3).withWatchedAt(T0)));

      assertThat(r.outcomes())
          .extracting(ItemOutcome::status, ItemOutcome::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Status.CONFIRMED, null),
              org.assertj.core.groups.Tuple.tuple(Status.NOT_FOUND, "not_played"),
              org.assertj.core.groups.Tuple.tuple(Status.NOT_FOUND, "not_played"));
      assertThat(bed.server.user().userData(movies.get(0)).played()).isFalse();
      assertThat(bed.server.user().userData(movies.get(1)).played()).isTrue();
      assertThat(writes(bed)).extracting(RecordedRequest::method).containsExactly("DELETE");
      assertThat(p.snapshot(Feature.HISTORY)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void favouritesAddAndRemove(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem m = bed.server.library().generateMovies(1).get(0);
      MbItem series = bed.server.library().generateSeries(1, 1, 1);
      Item show = Item.show(null, null, Ids.of(IdKind.TVDB, 300001));
      Provider p = bed.provider();

      WriteResult added = p.add(Feature.WATCHLIST, List.of(movie(1), show));
      WriteResult again = p.add(Feature.WATCHLIST, List.of(movie(1)));
      List<Item> listed = p.snapshot(Feature.WATCHLIST);
      WriteResult removed = p.remove(Feature.WATCHLIST, List.of(movie(1)));
      WriteResult removedAgain = p.remove(Feature.WATCHLIST, List.of(movie(1)));

      assertThat(statuses(added)).containsOnly(Status.CONFIRMED);
      assertThat(statuses(again)).containsExactly(Status.ALREADY_PRESENT);
      assertThat(listed).hasSize(2);
      assertThat(statuses(removed)).containsExactly(Status.CONFIRMED);
      assertThat(removedAgain.outcomes().get(0).reason()).isEqualTo("not_listed");
      assertThat(bed.server.user().userData(m).favorite()).isFalse();
      assertThat(bed.server.user().userData(series).favorite()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void ratingsAreSetChangedAndClearedWithoutTouchingOtherUserData(ServerDialect dialect)
      throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem m = bed.server.library().generateMovies(1).get(0);
      bed.server.user().markPlayed(m, T0);
      bed.server.user().setFavorite(m, true);
      Provider p = bed.provider();

      WriteResult rated = p.add(Feature.RATINGS, List.of(movie(1).withRating(7, T0)));
      WriteResult same = p.update(Feature.RATINGS, List.of(movie(1).withRating(7, T0)));
      p.update(Feature.RATINGS, List.of(movie(1).withRating(9, T0)));
      double afterUpdate = bed.server.user().userData(m).rating();
      WriteResult cleared = p.remove(Feature.RATINGS, List.of(movie(1)));
      WriteResult clearedAgain = p.remove(Feature.RATINGS, List.of(movie(1)));

      assertThat(statuses(rated)).containsExactly(Status.CONFIRMED);
      assertThat(statuses(same)).containsExactly(Status.ALREADY_PRESENT);
      assertThat(afterUpdate).isEqualTo(9.0);
      assertThat(statuses(cleared)).containsExactly(Status.CONFIRMED);
      assertThat(clearedAgain.outcomes().get(0).reason()).isEqualTo("not_rated");
      assertThat(bed.server.user().userData(m).rating()).isNull();
      assertThat(bed.server.user().userData(m).played()).isTrue();
      assertThat(bed.server.user().userData(m).favorite()).isTrue();
      assertThat(bed.server.user().userData(m).lastPlayedDate()).isEqualTo(T0);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void itemsAServerCannotHoldFailWithoutBeingSent(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateSeries(1, 1, 1);
      Item show = Item.show(null, null, Ids.of(IdKind.TVDB, 300001)).withWatchedAt(T0);
      Item badRating = movie(1).withRating(11, T0);

      WriteResult history = bed.provider().add(Feature.HISTORY, List.of(show));
      WriteResult ratings = bed.provider().add(Feature.RATINGS, List.of(badRating));

      assertThat(history.outcomes().get(0).status()).isEqualTo(Status.FAILED);
      assertThat(history.outcomes().get(0).retriable()).isFalse();
      assertThat(ratings.outcomes().get(0).status()).isEqualTo(Status.FAILED);
      assertThat(writes(bed)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void anItemGoneFromTheServerIsNotFound(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem m = bed.server.library().generateMovies(1).get(0);
      Provider p = bed.provider();
      p.snapshot(Feature.WATCHLIST);
      bed.server.library().remove(m);

      WriteResult r = p.add(Feature.WATCHLIST, List.of(movie(1)));

      assertThat(r.outcomes().get(0).status()).isEqualTo(Status.NOT_FOUND);
      assertThat(r.outcomes().get(0).reason()).isEqualTo("not_in_library");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aServerErrorOnAWriteLeavesTheItemToTheAppliersRetry(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      MbItem m = bed.server.library().generateMovies(1).get(0);
      Provider p = bed.provider();
      p.snapshot(Feature.HISTORY);
      bed.server.faults().failNext(1, 503);

      WriteResult failed = p.add(Feature.HISTORY, List.of(movie(1).withWatchedAt(T0)));
      WriteResult again = p.add(Feature.HISTORY, List.of(movie(1).withWatchedAt(T0)));

      assertThat(statuses(failed)).containsExactly(Status.FAILED);
      assertThat(failed.outcomes().get(0).retriable()).isTrue();
      assertThat(statuses(again)).containsExactly(Status.CONFIRMED);
      assertThat(bed.server.user().userData(m).played()).isTrue();
      assertThat(p.apiUsage().orElseThrow().retries())
          .as("the client sends a write once; the applier retries it")
          .isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aServerThatKeepsFailingLeavesTheItemRetriable(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(1);
      Provider p = bed.provider();
      p.snapshot(Feature.WATCHLIST);
      bed.server.faults().failNext(10, 502);

      WriteResult r = p.add(Feature.WATCHLIST, List.of(movie(1)));

      ItemOutcome o = r.outcomes().get(0);
      assertThat(o.status()).isEqualTo(Status.FAILED);
      assertThat(o.retriable()).isTrue();
      assertThat(o.reason()).contains(": 502 after 1 attempt");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void aTokenRevokedDuringWritesFailsTheCallAsAuth(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(3);
      Provider p = bed.provider();
      p.snapshot(Feature.WATCHLIST);
      bed.server.revokeToken(FakeMediaBrowserServer.ACCESS_TOKEN);

      assertThatThrownBy(() -> p.add(Feature.WATCHLIST, List.of(movie(1), movie(2), movie(3))))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
                assertThat(e.getMessage()).doesNotContain(FakeMediaBrowserServer.ACCESS_TOKEN);
              });
    }
  }

  @Test
  void writesNeverExceedTheConfiguredConcurrency() throws Exception {
    try (MediaBrowserTestbed bed =
        new MediaBrowserTestbed(
            ServerDialect.JELLYFIN, b -> b.writeLatency(Duration.ofMillis(40)))) {
      bed.server.library().generateMovies(8);
      Provider p = bed.provider(s -> s.put("concurrency", 2));
      List<Item> items = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        items.add(movie(i));
      }

      WriteResult r = p.add(Feature.WATCHLIST, items);

      assertThat(statuses(r)).containsOnly(Status.CONFIRMED).hasSize(8);
      assertThat(bed.server.maxInFlight()).isEqualTo(2);
    }
  }

  @Test
  void writesRunFourAtATimeByDefault() throws Exception {
    try (MediaBrowserTestbed bed =
        new MediaBrowserTestbed(ServerDialect.EMBY, b -> b.writeLatency(Duration.ofMillis(40)))) {
      bed.server.library().generateMovies(12);
      Provider p = bed.provider();
      List<Item> items = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        items.add(movie(i).withWatchedAt(T0));
      }

      WriteResult r = p.add(Feature.HISTORY, items);

      assertThat(r.outcomes()).hasSize(12).allMatch(ItemOutcome::succeeded);
      assertThat(bed.server.maxInFlight()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDialect.class)
  void sendsTheDialectsAuthAndLogsNoSecrets(ServerDialect dialect) throws Exception {
    try (MediaBrowserTestbed bed = new MediaBrowserTestbed(dialect)) {
      bed.server.library().generateMovies(1);
      Provider p = bed.provider();
      p.add(Feature.WATCHLIST, List.of(movie(1)));

      RecordedRequest last = bed.server.requests().get(bed.server.requests().size() - 1);
      if (dialect == ServerDialect.JELLYFIN) {
        assertThat(last.request().header("authorization").orElseThrow())
            .startsWith("MediaBrowser Client=\"crosswatch\"")
            .contains("DeviceId=\"crosswatch-default\"");
        assertThat(last.request().header("x-emby-token")).isEmpty();
      } else {
        assertThat(last.request().header("x-emby-token"))
            .contains(FakeMediaBrowserServer.ACCESS_TOKEN);
      }
      assertThat(bed.log.lines()).isNotEmpty();
      assertThat(String.join("\n", bed.log.lines()))
          .doesNotContain(FakeMediaBrowserServer.ACCESS_TOKEN);
    }
  }
}
