package io.crosswatch.providers.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ItemOutcome.Status;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.testkit.LibraryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerProviderTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093").with(IdKind.TMDB, 603));

  @TempDir Path dir;
  private final List<TrackerProvider> opened = new java.util.ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(TrackerProvider::close);
  }

  private Path db() {
    return dir.resolve("state/tracker.db");
  }

  private TrackerProvider provider() {
    TrackerProvider provider = new TrackerProvider("default", db(), CLOCK);
    opened.add(provider);
    return provider;
  }

  @Test
  void aNewDatabaseIsCreatedEmptyAndHealthyInWalMode() throws Exception {
    TrackerProvider provider = provider();

    HealthReport health = provider.health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(health.features()).containsExactlyInAnyOrder(Feature.values());
    assertThat(provider.snapshot(Feature.RATINGS)).isEmpty();
    assertThat(db()).exists();
    assertThat(pragma("journal_mode")).isEqualTo("wal");
    assertThat(pragma("user_version")).isEqualTo("3");
  }

  @Test
  void aFeaturesDigestIsARevisionThatOnlyItsOwnWritesReplace() throws Exception {
    TrackerProvider writer = provider();
    String watchlist = writer.snapshotDigest(Feature.WATCHLIST).orElseThrow();
    String ratings = writer.snapshotDigest(Feature.RATINGS).orElseThrow();
    assertThat(provider().snapshotDigest(Feature.WATCHLIST)).contains(watchlist);

    writer.add(Feature.RATINGS, List.of(MATRIX.withRating(8, T)));

    String rated = writer.snapshotDigest(Feature.RATINGS).orElseThrow();
    assertThat(rated).isNotEqualTo(ratings);
    assertThat(provider().snapshotDigest(Feature.RATINGS)).contains(rated);
    assertThat(writer.snapshotDigest(Feature.WATCHLIST)).contains(watchlist);

    writer.add(Feature.RATINGS, List.of(MATRIX.withRating(8, T)));
    assertThat(writer.snapshotDigest(Feature.RATINGS))
        .as("a write that changes nothing keeps the revision")
        .contains(rated);
  }

  @Test
  void everyWriteCallIsCommittedWhenItReturns() throws Exception {
    LibraryGenerator.Library library = new LibraryGenerator(2).library(40, T);
    TrackerProvider writer = provider();

    for (Feature f : Feature.values()) {
      writer.add(f, library.feature(f));
    }

    TrackerProvider reader = provider();
    for (Feature f : Feature.values()) {
      assertThat(reader.snapshot(f)).containsExactlyElementsOf(library.feature(f));
    }
  }

  @Test
  void addingAHeldItemIsAlreadyPresentAndRemovingAMissingOneNotFound() throws Exception {
    TrackerProvider provider = provider();
    provider.add(Feature.WATCHLIST, List.of(MATRIX.withListedAt(T)));

    ItemOutcome again =
        provider
            .add(
                Feature.WATCHLIST,
                List.of(Item.movie("Matrix", null, Ids.of(IdKind.IMDB, "tt0133093"))))
            .outcomes()
            .get(0);
    ItemOutcome missing =
        provider
            .remove(Feature.WATCHLIST, List.of(Item.movie("Other", 2000, Ids.of(IdKind.TMDB, 1))))
            .outcomes()
            .get(0);

    assertThat(again.status()).isEqualTo(Status.ALREADY_PRESENT);
    assertThat(missing.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(missing.reason()).isEqualTo("not_found");
    assertThat(provider().snapshot(Feature.WATCHLIST)).containsExactly(MATRIX.withListedAt(T));
  }

  @Test
  void historyPlaysMatchByTitleAndTime() throws Exception {
    TrackerProvider provider = provider();
    provider.add(Feature.HISTORY, List.of(MATRIX.withWatchedAt(T)));

    List<Status> added =
        provider
            .add(
                Feature.HISTORY,
                List.of(MATRIX.withWatchedAt(T), MATRIX.withWatchedAt(T.plusSeconds(7200))))
            .outcomes()
            .stream()
            .map(ItemOutcome::status)
            .toList();
    List<Status> removed =
        provider
            .remove(
                Feature.HISTORY,
                List.of(MATRIX.withWatchedAt(T.plusSeconds(1)), MATRIX.withWatchedAt(T)))
            .outcomes()
            .stream()
            .map(ItemOutcome::status)
            .toList();

    assertThat(added).containsExactly(Status.ALREADY_PRESENT, Status.CONFIRMED);
    assertThat(removed).containsExactly(Status.NOT_FOUND, Status.CONFIRMED);
    assertThat(provider().snapshot(Feature.HISTORY))
        .containsExactly(MATRIX.withWatchedAt(T.plusSeconds(7200)));
  }

  @Test
  void updateReplacesTheRatingOfTheSameTitle() throws Exception {
    provider().add(Feature.RATINGS, List.of(MATRIX.withRating(4, T)));

    provider()
        .update(
            Feature.RATINGS,
            List.of(
                Item.movie("x", null, Ids.of(IdKind.TMDB, 603)).withRating(10, T.plusSeconds(1))));

    assertThat(provider().snapshot(Feature.RATINGS))
        .containsExactly(MATRIX.withRating(10, T.plusSeconds(1)));
  }

  @Test
  void aClosedProviderOpensTheDatabaseAgainWhenUsed() throws Exception {
    TrackerProvider provider = provider();
    provider.add(Feature.WATCHLIST, List.of(MATRIX));
    provider.close();

    provider.add(Feature.RATINGS, List.of(MATRIX.withRating(7, T)));

    assertThat(provider().snapshot(Feature.RATINGS)).containsExactly(MATRIX.withRating(7, T));
  }

  @Test
  void aFileThatIsNoDatabaseMakesTheProviderDownAndIsNeverWritten() throws Exception {
    Files.createDirectories(db().getParent());
    byte[] garbage = "this is not a database, but it is long enough to have a header".getBytes();
    Files.write(db(), garbage);
    TrackerProvider provider = provider();

    HealthReport health = provider.health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(health.message()).contains(db().toString()).contains("not a SQLite database");
    assertThatThrownBy(() -> provider.add(Feature.WATCHLIST, List.of(MATRIX)))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).isEqualTo(health.message());
            });
    assertThat(Files.readAllBytes(db())).isEqualTo(garbage);
  }

  @Test
  void aDamagedDatabaseMakesTheProviderDown() throws Exception {
    provider().add(Feature.WATCHLIST, new LibraryGenerator(3).watchlist(2_000, T));
    closeAll();
    byte[] bytes = Files.readAllBytes(db());
    for (int i = 4096; i < bytes.length; i++) {
      bytes[i] = (byte) 0x5a;
    }
    Files.write(db(), bytes);

    HealthReport health = provider().health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(health.message()).contains("cannot be used").contains("restore it from a backup");
    assertThat(Files.readAllBytes(db())).isEqualTo(bytes);
  }

  @Test
  void aTruncatedDatabaseIsRefusedSayingSoAndLeftByteForByte() throws Exception {
    provider().add(Feature.WATCHLIST, new LibraryGenerator(3).watchlist(2_000, T));
    closeAll();
    assertThat(db().resolveSibling("tracker.db-wal")).doesNotExist();
    byte[] whole = Files.readAllBytes(db());
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    Files.write(db(), half);

    HealthReport health = provider().health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(health.message())
        .contains(db().toString())
        .contains("truncated: " + half.length + " bytes")
        .contains("restore it from a backup");
    assertThat(Files.readAllBytes(db())).isEqualTo(half);
  }

  @Test
  void aForeignOrNewerDatabaseIsRefused() throws Exception {
    Files.createDirectories(db().getParent());
    sql("CREATE TABLE baselines (x TEXT)");
    assertThat(provider().health().message()).contains("not a crosswatch tracker database");

    Files.delete(db());
    sql("PRAGMA user_version=7");
    assertThat(provider().health().message()).contains("newer crosswatch");
  }

  @Test
  void handlesAHundredThousandItemsPerFeature() throws Exception {
    LibraryGenerator.Library library = new LibraryGenerator(100).library(100_000, T);
    TrackerProvider writer = provider();
    for (Feature f : Feature.values()) {
      writer.add(f, library.feature(f));
    }

    TrackerProvider reader = provider();
    assertThat(reader.remove(Feature.WATCHLIST, library.watchlist().subList(0, 10)).outcomes())
        .allMatch(o -> o.status() == Status.CONFIRMED);
    assertThat(reader.snapshot(Feature.HISTORY)).containsExactlyElementsOf(library.history());
    assertThat(reader.snapshot(Feature.WATCHLIST)).hasSize(99_990);
  }

  @Test
  void aSchemaOneDatabaseIsMigratedKeepingEveryItem() throws Exception {
    Files.createDirectories(db().getParent());
    sql(
        "CREATE TABLE items (feature TEXT NOT NULL, id INTEGER NOT NULL, item TEXT NOT NULL,"
            + " PRIMARY KEY (feature, id))");
    sql(
        "INSERT INTO items VALUES ('watchlist', 1, '{\"type\":\"movie\",\"title\":\"The Matrix\","
            + "\"year\":1999,\"ids\":{\"imdb\":\"tt0133093\",\"tmdb\":603}}')");
    sql("PRAGMA user_version=1");

    TrackerProvider provider = provider();
    assertThat(provider.health().status()).isEqualTo(HealthReport.Status.OK);
    assertThat(provider.snapshot(Feature.WATCHLIST)).containsExactly(MATRIX);
    assertThat(pragma("user_version")).isEqualTo("3");
    Item member = MATRIX.withPlaylist(PlaylistRef.named("Road trip"));
    assertThat(provider.add(Feature.PLAYLISTS, List.of(member)).outcomes().get(0).status())
        .isEqualTo(Status.CONFIRMED);
  }

  @Test
  void playlistsKeepTheirOrderAndStayWhenEmptiedAndResumePointsMove() throws Exception {
    Item alien = Item.movie("Alien", 1979, Ids.of(IdKind.TMDB, 348));
    Item heat = Item.movie("Heat", 1995, Ids.of(IdKind.TMDB, 949));
    PlaylistRef trip = new PlaylistRef("Road trip", "long drives", null, null, false);
    TrackerProvider writer = provider();
    writer.add(
        Feature.PLAYLISTS,
        List.of(MATRIX.withPlaylist(trip), alien.withPlaylist(trip), heat.withPlaylist(trip)));
    writer.update(Feature.PLAYLISTS, List.of(heat.withPlaylist(trip.withPosition(0))));
    writer.add(Feature.PLAYLISTS, List.of(MATRIX.withPlaylist(PlaylistRef.named("Solo"))));
    writer.remove(Feature.PLAYLISTS, List.of(MATRIX.withPlaylist(PlaylistRef.named("solo "))));
    Item point = MATRIX.withProgress(2_400_000L, 8_160_000L, T);
    writer.add(Feature.PROGRESS, List.of(point));
    Item later = point.withProgress(3_000_000L, null, T.plusSeconds(60));
    assertThat(writer.update(Feature.PROGRESS, List.of(later)).outcomes().get(0).status())
        .isEqualTo(Status.CONFIRMED);
    closeAll();

    TrackerProvider reader = provider();
    assertThat(reader.snapshot(Feature.PLAYLISTS))
        .extracting(i -> i.title() + "@" + i.playlist().position() + " " + i.playlist().name())
        .containsExactlyInAnyOrder(
            "Heat@0 Road trip", "The Matrix@1 Road trip", "Alien@2 Road trip");
    assertThat(reader.snapshot(Feature.PROGRESS))
        .containsExactly(MATRIX.withProgress(3_000_000L, 8_160_000L, T.plusSeconds(60)));
    Path out = dir.resolve("export.json");
    TrackerExport.export(db(), out);
    assertThat(Files.readString(out)).contains("\"name\": \"Solo\"").contains("long drives");
  }

  private String pragma(String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
