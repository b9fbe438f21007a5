package io.crosswatch.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.ScrobbleAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state database of schema version 1 opens with its state intact and gains what undo and live
 * scrobbling need.
 */
class SqliteSchemaMigrationTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final String MOVIE =
      "{\"type\":\"movie\",\"title\":\"Movie 1\",\"year\":2001,\"ids\":{\"imdb\":\"tt0000001\"}}";

  /** The tables of schema version 1, as earlier versions created them. */
  private static final List<String> VERSION_1 =
      List.of(
          "CREATE TABLE baselines (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " updated_at INTEGER NOT NULL, PRIMARY KEY (pair, feature, side)) WITHOUT ROWID",
          "CREATE TABLE baseline_items (pair TEXT NOT NULL, feature TEXT NOT NULL,"
              + " side TEXT NOT NULL, key TEXT NOT NULL, item TEXT NOT NULL,"
              + " PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE tombstones (pair TEXT NOT NULL, feature TEXT NOT NULL, key TEXT NOT NULL,"
              + " item TEXT NOT NULL, removed_at INTEGER NOT NULL,"
              + " PRIMARY KEY (pair, feature, key)) WITHOUT ROWID",
          "CREATE TABLE unresolved (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " key TEXT NOT NULL, item TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL,"
              + " PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE failures (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " key TEXT NOT NULL, runs INTEGER NOT NULL, last_run TEXT NOT NULL,"
              + " reason TEXT NOT NULL, at INTEGER NOT NULL,"
              + " PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE parked (pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL,"
              + " key TEXT NOT NULL, item TEXT NOT NULL, reason TEXT NOT NULL,"
              + " until INTEGER NOT NULL, PRIMARY KEY (pair, feature, side, key)) WITHOUT ROWID",
          "CREATE TABLE runs (id TEXT PRIMARY KEY NOT NULL, started_at INTEGER NOT NULL,"
              + " finished_at INTEGER, dry_run INTEGER NOT NULL, exit_code INTEGER, summary TEXT)",
          "CREATE INDEX runs_by_start ON runs (started_at)",
          "CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,"
              + " pair TEXT NOT NULL, feature TEXT NOT NULL, side TEXT NOT NULL, op TEXT NOT NULL,"
              + " key TEXT NOT NULL, item TEXT NOT NULL, at INTEGER NOT NULL)",
          "CREATE INDEX journal_by_run ON journal (run_id, seq)",
          "INSERT INTO baselines VALUES ('p', 'watchlist', 'target', " + T.toEpochMilli() + ")",
          "INSERT INTO baseline_items VALUES ('p', 'watchlist', 'target', 'movie|imdb:tt0000001',"
              + " '"
              + MOVIE
              + "')",
          "INSERT INTO journal (run_id, pair, feature, side, op, key, item, at) VALUES ('run-1',"
              + " 'p', 'watchlist', 'target', 'add', 'movie|imdb:tt0000001', '"
              + MOVIE
              + "', "
              + T.toEpochMilli()
              + ")",
          "PRAGMA user_version = 1",
          "PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);

  /**
   * What versions 2 to 5 added, as they added it, and a viewing finished under version 5 (its
   * tokens one per line).
   */
  private static final List<String> VERSION_2_TO_5 =
      List.of(
          "ALTER TABLE runs ADD COLUMN trigger TEXT NOT NULL DEFAULT 'cli'",
          "ALTER TABLE journal ADD COLUMN previous TEXT",
          "ALTER TABLE baselines ADD COLUMN digest TEXT",
          "CREATE TABLE scrobble_queue (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " sink TEXT NOT NULL, viewing TEXT NOT NULL, action TEXT NOT NULL,"
              + " source TEXT NOT NULL, user TEXT NOT NULL, item TEXT NOT NULL,"
              + " progress REAL NOT NULL, at INTEGER NOT NULL, status TEXT NOT NULL,"
              + " attempts INTEGER NOT NULL, due_at INTEGER NOT NULL, created_at INTEGER NOT NULL,"
              + " done_at INTEGER, detail TEXT)",
          "CREATE INDEX scrobble_queue_by_sink ON scrobble_queue (status, sink, id)",
          "CREATE TABLE scrobble_finished (scope TEXT NOT NULL, title TEXT NOT NULL,"
              + " tokens TEXT NOT NULL, item TEXT NOT NULL, progress REAL NOT NULL,"
              + " finished_at INTEGER NOT NULL, PRIMARY KEY (scope, title)) WITHOUT ROWID",
          "INSERT INTO scrobble_finished VALUES ('PLEX|default|alice', 'movie|imdb:tt0000001',"
              + " 'movie|imdb:tt0000001' || char(10) || 'movie|tmdb:1' || char(10)"
              + " || 'movie|local plex:9', '"
              + MOVIE
              + "', 95.0, "
              + T.toEpochMilli()
              + ")",
          "PRAGMA user_version = 5");

  @TempDir Path stateDir;

  @Test
  void aVersion1DatabaseKeepsItsStateAndJournalsPreviousItemsAfterOpening() throws Exception {
    createVersion1Database();
    Item movie = Item.movie("Movie 1", 2001, Ids.of(IdKind.IMDB, "tt0000001"));

    try (StateStore store = SqliteStateStore.open(stateDir)) {
      assertThat(store.baseline("p", Feature.WATCHLIST, Side.TARGET).orElseThrow().items())
          .containsExactly(movie);
      assertThat(store.journal("run-1"))
          .containsExactly(
              new JournalEntry(
                  "run-1", "p", Feature.WATCHLIST, Side.TARGET, WriteOp.ADD, movie, T));

      store.transaction(
          tx ->
              tx.journal(
                  "run-2",
                  "p",
                  Feature.RATINGS,
                  Side.TARGET,
                  WriteOp.UPDATE,
                  List.of(movie.withRating(9, T)),
                  item -> movie.withRating(4, T),
                  T));
      assertThat(store.journal("run-2"))
          .singleElement()
          .satisfies(e -> assertThat(e.previous()).isEqualTo(movie.withRating(4, T)));
    }
    assertThat(userVersion()).isEqualTo(SqliteSchema.latestVersion()).isEqualTo(6);
  }

  @Test
  void aVersion1DatabaseGainsTheScrobbleQueueAndKeepsItsState() throws Exception {
    createVersion1Database();
    Item movie = Item.movie("Movie 1", 2001, Ids.of(IdKind.IMDB, "tt0000001"));

    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      queue.add(
          List.of(
              new ScrobbleQueue.NewCall(
                  "TRAKT:default", "v1", ScrobbleAction.STOP, "PLEX", "alice", movie, 95, T)),
          null,
          T);
      assertThat(queue.calls(ScrobbleQueue.Status.PENDING))
          .singleElement()
          .satisfies(call -> assertThat(call.item()).isEqualTo(movie));
    }
    try (StateStore store = SqliteStateStore.open(stateDir)) {
      assertThat(store.baseline("p", Feature.WATCHLIST, Side.TARGET).orElseThrow().items())
          .containsExactly(movie);
    }
    assertThat(userVersion()).isEqualTo(6);
  }

  @Test
  void aVersion5DatabaseKeepsItsFinishedViewingsFindableByEachToken() throws Exception {
    createVersion1Database();
    execute(VERSION_2_TO_5);
    Item movie = Item.movie("Movie 1", 2001, Ids.of(IdKind.IMDB, "tt0000001"));

    try (ScrobbleQueue queue = ScrobbleQueue.open(stateDir)) {
      for (String token : List.of("movie|imdb:tt0000001", "movie|tmdb:1", "movie|local plex:9")) {
        assertThat(queue.finished("PLEX|default|alice", List.of(token), T.minusSeconds(60)))
            .as(token)
            .hasValueSatisfying(
                f -> {
                  assertThat(f.item()).isEqualTo(movie);
                  assertThat(f.finishedAt()).isEqualTo(T);
                  assertThat(f.tokens()).hasSize(3);
                });
      }
      assertThat(queue.finished("PLEX|default|alice", List.of("movie|tmdb:2"), T)).isEmpty();
    }
    assertThat(userVersion()).isEqualTo(6);
  }

  private void createVersion1Database() throws Exception {
    Files.createDirectories(stateDir);
    execute(VERSION_1);
  }

  private void execute(List<String> statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve("state.db"));
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private int userVersion() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve("state.db"));
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("PRAGMA user_version");
      rs.next();
      return rs.getInt(1);
    }
  }
}
