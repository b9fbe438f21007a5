package io.crosswatch.providers.tracker;

import io.crosswatch.core.io.SqliteHeader;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemFormatException;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.providers.local.ItemIndex;
import io.crosswatch.providers.local.LocalWrites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqlite.SQLiteConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracker database file: one SQLite table of normalized items of every feature, and one of
 * playlists (WAL, synchronous=FULL, versioned by {@code user_version}). A file that is not a
 * healthy tracker database is reported and never changed.
 */
final class TrackerDatabase implements AutoCloseable {
  /**
   * Schema versions: 1 — the items table; 2 — adds the playlists table (name and description of
   * every playlist, empty ones included); 3 — adds the revisions table (per feature, a random token
   * replaced by every transaction that writes the feature). Opening an older database for writing
   * migrates it in one transaction, keeping every item.
   */
  static final int SCHEMA_VERSION = 3;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String ADVICE =
      "; crosswatch leaves it untouched: restore it from a backup, or move it away to start an"
          + " empty one";

  private final Path file;
  private final Connection connection;

  private TrackerDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens the database for reading and writing, creating it (and its folder) when missing. */
  static TrackerDatabase open(Path file) throws IOException {
    if (Files.exists(file)) {
      checkHeader(file);
    } else {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    return connectVerified(file, false);
  }

  /** Opens an existing database read-only. */
  static TrackerDatabase openReadOnly(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no tracker database here");
    }
    checkHeader(file);
    return connectVerified(file, true);
  }

  /** Connects and checks integrity and schema; a writable database is also readied for writes. */
  private static TrackerDatabase connectVerified(Path file, boolean readOnly) throws IOException {
    TrackerDatabase db = connect(file, readOnly);
    try {
      int version = db.verify();
      if (!readOnly) {
        db.prepareForWrites(version);
      }
      return db;
    } catch (SQLException e) {
      db.close();
      throw damaged(file, e.getMessage(), e);
    } catch (IOException e) {
      db.close();
      throw e;
    }
  }

  private static TrackerDatabase connect(Path file, boolean readOnly) throws IOException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.setBusyTimeout(5_000);
    try {
      return new TrackerDatabase(file, config.createConnection("jdbc:sqlite:" + file));
    } catch (SQLException e) {
      throw new IOException("cannot open tracker database " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkHeader(Path file) throws IOException {
    Optional<String> problem = SqliteHeader.problem(file);
    if (problem.isPresent()) {
      throw damaged(file, problem.get(), null);
    }
  }

  /** Checks integrity and schema; returns the schema version found (0: new database). */
  private int verify() throws SQLException, IOException {
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
        String result = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(result)) {
          throw damaged(file, "integrity check failed: " + result, null);
        }
      }
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw damaged(file, "written by a newer crosswatch (schema " + version + ")", null);
      }
      if (version == 0 && hasTables(st)) {
        throw damaged(file, "not a crosswatch tracker database (it holds other tables)", null);
      }
      return version;
    }
  }

  private static boolean hasTables(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return rs.next() && rs.getInt(1) > 0;
    }
  }

  private void prepareForWrites(int version) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=FULL");
      if (version == SCHEMA_VERSION) {
        return;
      }
      connection.setAutoCommit(false);
      try {
        if (version < 1) {
          st.execute(
              "CREATE TABLE items (feature TEXT NOT NULL, id INTEGER NOT NULL, item TEXT NOT NULL,"
                  + " PRIMARY KEY (feature, id))");
        }
        if (version < 2) {
          st.execute(
              "CREATE TABLE playlists (key TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT,"
                  + " ord INTEGER NOT NULL)");
        }
        if (version < 3) {
          st.execute(
              "CREATE TABLE revisions (feature TEXT PRIMARY KEY NOT NULL, token TEXT NOT NULL)");
          for (Feature f : Feature.values()) {
            newRevision(f);
          }
        }
        st.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        connection.commit();
      } catch (SQLException e) {
        rollbackQuietly(e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Every playlist, empty ones included, in creation order (none before schema version 2). */
  List<PlaylistRef> loadPlaylists() throws IOException {
    List<PlaylistRef> playlists = new ArrayList<>();
    if (!hasTable("playlists")) {
      return playlists;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, description FROM playlists ORDER BY ord")) {
      while (rs.next()) {
        playlists.add(new PlaylistRef(rs.getString(1), rs.getString(2), null, null, false));
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw damaged(file, "playlists: " + e.getMessage(), e);
    }
    return playlists;
  }

  /** Every feature's entries, in order; a feature without rows is empty. */
  Map<Feature, ItemIndex> load() throws IOException {
    Map<Feature, ItemIndex> indexes = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      indexes.put(f, new ItemIndex(f));
    }
    if (!hasTable("items")) {
      return indexes;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT feature, id, item FROM items ORDER BY feature, id")) {
      while (rs.next()) {
        String key = rs.getString(1);
        long id = rs.getLong(2);
        Feature feature =
            Feature.fromKey(key)
                .orElseThrow(
                    () -> damaged(file, "row " + key + "/" + id + ": unknown feature", null));
        indexes.get(feature).add(id, parse(rs.getString(3), feature, id));
      }
    } catch (SQLException e) {
      throw damaged(file, e.getMessage(), e);
    }
    numberMembers(indexes.get(Feature.PLAYLISTS));
    return indexes;
  }

  /** Gives each playlist's members the positions 0..n-1 in their stored order (position, row). */
  private static void numberMembers(ItemIndex members) {
    Map<String, List<ItemIndex.Entry>> byPlaylist = new java.util.HashMap<>();
    for (ItemIndex.Entry e : members.entries()) {
      byPlaylist.computeIfAbsent(e.item().playlist().key(), k -> new ArrayList<>()).add(e);
    }
    for (List<ItemIndex.Entry> list : byPlaylist.values()) {
      list.sort(
          java.util.Comparator.<ItemIndex.Entry>comparingInt(
                  e ->
                      e.item().playlist().position() == null
                          ? Integer.MAX_VALUE
                          : e.item().playlist().position())
              .thenComparingLong(ItemIndex.Entry::id));
      for (int i = 0; i < list.size(); i++) {
        ItemIndex.Entry e = list.get(i);
        Integer at = e.item().playlist().position();
        if (at == null || at != i) {
          members.replace(e, e.item().withPlaylist(e.item().playlist().withPosition(i)));
        }
      }
    }
  }

  private boolean hasTable(String name) throws IOException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw damaged(file, e.getMessage(), e);
    }
  }

  private Item parse(String json, Feature feature, long id) throws TrackerDatabaseException {
    String path = feature.key() + "[id=" + id + "]";
    try (JsonParser p = MAPPER.createParser(json)) {
      p.nextToken();
      Item item = ItemJson.read(p, path);
      if (p.nextToken() != null) {
        throw new ItemFormatException(path, "holds more than one JSON value");
      }
      if (feature == Feature.RATINGS && item.rating() == null) {
        throw new ItemFormatException(path + ".rating", "is required for ratings");
      }
      if (feature == Feature.PLAYLISTS && item.playlist() == null) {
        throw new ItemFormatException(path + ".playlist", "is required for playlist members");
      }
      return item;
    } catch (ItemFormatException e) {
      throw damaged(file, "malformed row: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw damaged(file, "malformed row " + path + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Persists one write call's changes to one feature in a single transaction. */
  void apply(Feature feature, LocalWrites.Changes changes) throws SQLException {
    connection.setAutoCommit(false);
    try {
      insertPlaylists(changes.createdPlaylists());
      upsert(feature, changes.added());
      upsert(feature, changes.replaced());
      delete(feature, changes.removed());
      newRevision(feature);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * The feature's revision: a random token that every write of the feature replaces, so that an
   * equal token means equal content (without reading a row). Empty when the database has none.
   */
  Optional<String> revision(Feature feature) throws IOException {
    if (!hasTable("revisions")) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT token FROM revisions WHERE feature = ?")) {
      ps.setString(1, feature.key());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw damaged(file, e.getMessage(), e);
    }
  }

  private void newRevision(Feature feature) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO revisions (feature, token) VALUES (?, ?)")) {
      ps.setString(1, feature.key());
      ps.setString(2, UUID.randomUUID().toString());
      ps.executeUpdate();
    }
  }

  private void insertPlaylists(List<PlaylistRef> created) throws SQLException {
    if (created.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO playlists (key, name, description, ord)"
                + " VALUES (?, ?, ?, (SELECT coalesce(max(ord), 0) + 1 FROM playlists))")) {
      for (PlaylistRef ref : created) {
        ps.setString(1, ref.key());
        ps.setString(2, ref.name());
        ps.setString(3, ref.description());
        ps.executeUpdate();
      }
    }
  }

  private void upsert(Feature feature, List<ItemIndex.Entry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO items (feature, id, item) VALUES (?, ?, ?)")) {
      for (ItemIndex.Entry entry : entries) {
        ps.setString(1, feature.key());
        ps.setLong(2, entry.id());
        ps.setString(3, ItemJson.toJsonString(entry.item()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void delete(Feature feature, List<ItemIndex.Entry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM items WHERE feature = ? AND id = ?")) {
      for (ItemIndex.Entry entry : entries) {
        ps.setString(1, feature.key());
        ps.setLong(2, entry.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void rollbackQuietly(Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Whether a failure is contention that passes (another connection holds a lock). */
  static boolean isBusy(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == 5 || primary == 6;
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing is pending: every write commits before returning.
    }
  }

  private static TrackerDatabaseException damaged(Path file, String problem, Throwable cause) {
    return new TrackerDatabaseException(
        "tracker database " + file + " cannot be used: " + problem + ADVICE, cause);
  }
}
