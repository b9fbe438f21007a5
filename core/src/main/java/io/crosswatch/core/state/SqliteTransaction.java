package io.crosswatch.core.state;

import static io.crosswatch.core.state.StateTimes.millis;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The writes of one SQLite transaction; valid only while its {@code transaction} call runs. Each
 * item's storage key and JSON are computed once per transaction, however many tables it goes to (a
 * written chunk enters the baseline and the journal, and leaves the unresolved items).
 */
final class SqliteTransaction extends OpenTransaction {
  /** The WHERE condition naming one side of one feature of a pair, bound in that order. */
  static final String SCOPE = "pair = ? AND feature = ? AND side = ?";

  private static final String UPSERT_BASELINE_ITEM =
      "INSERT INTO baseline_items (pair, feature, side, key, item) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (pair, feature, side, key) DO UPDATE SET item = excluded.item"
          + " WHERE item IS NOT excluded.item";

  private final Db db;
  private final Map<Item, String> jsonByItem = new IdentityHashMap<>();
  private final Map<Feature, Map<Item, String>> keyByItem = new EnumMap<>(Feature.class);

  SqliteTransaction(Db db) {
    this.db = db;
  }

  @Override
  public void replaceBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at) {
    Map<String, String> wanted = encode(items, feature);
    Map<String, String> existing = new HashMap<>();
    db.query(
        "read a baseline",
        "SELECT key, item FROM baseline_items WHERE " + SCOPE,
        rs -> existing.put(rs.getString(1), rs.getString(2)),
        scope(pairId, feature, side));
    List<Object[]> deletes = new ArrayList<>();
    for (String key : existing.keySet()) {
      if (!wanted.containsKey(key)) {
        deletes.add(row(pairId, feature, side, key));
      }
    }
    List<Object[]> upserts = new ArrayList<>();
    wanted.forEach(
        (key, json) -> {
          if (!json.equals(existing.get(key))) {
            upserts.add(row(pairId, feature, side, key, json));
          }
        });
    db.batch(
        "update a baseline", "DELETE FROM baseline_items WHERE " + SCOPE + " AND key = ?", deletes);
    db.batch("update a baseline", UPSERT_BASELINE_ITEM, upserts);
    touchBaseline(pairId, feature, side, at);
  }

  @Override
  public void setBaselineDigest(String pairId, Feature feature, Side side, String digest) {
    ensureOpen();
    db.update(
        "store a baseline digest",
        "UPDATE baselines SET digest = ? WHERE " + SCOPE,
        Objects.requireNonNull(digest, "digest"),
        pairId,
        feature.key(),
        side.key());
  }

  @Override
  public void addToBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at) {
    List<Object[]> upserts = new ArrayList<>();
    encode(items, feature)
        .forEach((key, json) -> upserts.add(row(pairId, feature, side, key, json)));
    db.batch("add to a baseline", UPSERT_BASELINE_ITEM, upserts);
    touchBaseline(pairId, feature, side, at);
  }

  @Override
  public void removeFromBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at) {
    ensureOpen();
    boolean exists =
        !db.query(
                "read a baseline",
                "SELECT 1 FROM baselines WHERE " + SCOPE,
                rs -> 1,
                scope(pairId, feature, side))
            .isEmpty();
    if (!exists) {
      return; // nothing to remove from, and no baseline to create
    }
    db.batch(
        "remove from a baseline",
        "DELETE FROM baseline_items WHERE " + SCOPE + " AND key = ?",
        keyRows(pairId, feature, side, items));
    touchBaseline(pairId, feature, side, at);
  }

  @Override
  public void putTombstones(
      String pairId, Feature feature, Collection<Item> items, Instant removedAt) {
    List<Object[]> rows = new ArrayList<>();
    encode(items, feature)
        .forEach(
            (key, json) ->
                rows.add(new Object[] {pairId, feature.key(), key, json, millis(removedAt)}));
    db.batch(
        "record tombstones",
        "INSERT INTO tombstones (pair, feature, key, item, removed_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (pair, feature, key) DO UPDATE SET item = excluded.item,"
            + " removed_at = excluded.removed_at",
        rows);
  }

  @Override
  public void removeTombstones(String pairId, Feature feature, Collection<Item> items) {
    ensureOpen();
    List<Object[]> rows = new ArrayList<>();
    for (Item item : items) {
      rows.add(new Object[] {pairId, feature.key(), key(item, feature)});
    }
    db.batch(
        "remove tombstones",
        "DELETE FROM tombstones WHERE pair = ? AND feature = ? AND key = ?",
        rows);
  }

  @Override
  public void journal(
      String runId,
      String pairId,
      Feature feature,
      Side side,
      WriteOp op,
      Collection<Item> items,
      Function<Item, Item> previous,
      Instant at) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(op, "op");
    List<Object[]> rows = new ArrayList<>();
    for (Item item : items) {
      Item before = previous.apply(item);
      rows.add(
          new Object[] {
            runId,
            pairId,
            feature.key(),
            side.key(),
            op.key(),
            key(item, feature),
            json(item),
            millis(at),
            before == null ? null : ItemCodec.toJson(before)
          });
    }
    ensureOpen();
    db.batch(
        "append to the journal",
        "INSERT INTO journal (run_id, pair, feature, side, op, key, item, at, previous)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  @Override
  public void putUnresolved(
      String pairId, Feature feature, Side side, Item item, String reason, Instant at) {
    ensureOpen();
    db.update(
        "record an unresolved item",
        "INSERT INTO unresolved (pair, feature, side, key, item, reason, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pair, feature, side, key) DO UPDATE SET"
            + " item = excluded.item, reason = excluded.reason, at = excluded.at",
        pairId,
        feature.key(),
        side.key(),
        key(item, feature),
        json(item),
        Objects.requireNonNull(reason, "reason"),
        millis(at));
  }

  @Override
  public void removeUnresolved(String pairId, Feature feature, Side side, Collection<Item> items) {
    ensureOpen();
    if (items.isEmpty() || isEmpty("unresolved", pairId, feature, side)) {
      return;
    }
    db.batch(
        "forget unresolved items",
        "DELETE FROM unresolved WHERE " + SCOPE + " AND key = ?",
        keyRows(pairId, feature, side, items));
  }

  @Override
  public int recordFailure(
      String runId,
      String pairId,
      Feature feature,
      Side side,
      Item item,
      String reason,
      Instant at) {
    Objects.requireNonNull(runId, "runId");
    ensureOpen();
    String key = ItemKeys.key(item, feature);
    List<Object[]> previous =
        db.query(
            "read failure counts",
            "SELECT runs, last_run FROM failures WHERE " + SCOPE + " AND key = ?",
            rs -> new Object[] {rs.getInt(1), rs.getString(2)},
            row(pairId, feature, side, key));
    int runs = 1;
    if (!previous.isEmpty()) {
      int before = (Integer) previous.get(0)[0];
      runs = runId.equals(previous.get(0)[1]) ? before : before + 1;
    }
    db.update(
        "count a failure",
        "INSERT OR REPLACE INTO failures (pair, feature, side, key, runs, last_run, reason, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        pairId,
        feature.key(),
        side.key(),
        key,
        runs,
        runId,
        Objects.requireNonNull(reason, "reason"),
        millis(at));
    return runs;
  }

  @Override
  public void clearFailures(String pairId, Feature feature, Side side, Collection<Item> items) {
    ensureOpen();
    if (items.isEmpty() || isEmpty("failures", pairId, feature, side)) {
      return;
    }
    db.batch(
        "clear failure counts",
        "DELETE FROM failures WHERE " + SCOPE + " AND key = ?",
        keyRows(pairId, feature, side, items));
  }

  @Override
  public void park(
      String pairId, Feature feature, Side side, Item item, String reason, Instant until) {
    ensureOpen();
    db.update(
        "park an item",
        "INSERT OR REPLACE INTO parked (pair, feature, side, key, item, reason, until)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        pairId,
        feature.key(),
        side.key(),
        ItemKeys.key(item, feature),
        ItemCodec.toJson(item),
        Objects.requireNonNull(reason, "reason"),
        millis(until));
  }

  private void touchBaseline(String pairId, Feature feature, Side side, Instant at) {
    db.update(
        "stamp a baseline",
        "INSERT INTO baselines (pair, feature, side, updated_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (pair, feature, side) DO UPDATE SET updated_at = excluded.updated_at,"
            + " digest = NULL WHERE updated_at IS NOT excluded.updated_at OR digest IS NOT NULL",
        pairId,
        feature.key(),
        side.key(),
        millis(at));
  }

  /** Storage key → item JSON; a later item with the same key wins. */
  private Map<String, String> encode(Collection<Item> items, Feature feature) {
    ensureOpen();
    Map<String, String> byKey = new LinkedHashMap<>(items.size() * 2);
    for (Item item : items) {
      byKey.put(key(item, feature), json(item));
    }
    return byKey;
  }

  /** The item's stored JSON, computed once per transaction. */
  private String json(Item item) {
    return jsonByItem.computeIfAbsent(item, ItemCodec::toJson);
  }

  /** The item's storage key within a feature, computed once per transaction. */
  private String key(Item item, Feature feature) {
    return keyByItem
        .computeIfAbsent(feature, f -> new IdentityHashMap<>())
        .computeIfAbsent(item, i -> ItemKeys.key(i, feature));
  }

  /** Whether a table holds no row for one side of one feature of a pair. */
  private boolean isEmpty(String table, String pairId, Feature feature, Side side) {
    return db.query(
            "read " + table,
            "SELECT 1 FROM " + table + " WHERE " + SCOPE + " LIMIT 1",
            rs -> 1,
            scope(pairId, feature, side))
        .isEmpty();
  }

  private List<Object[]> keyRows(
      String pairId, Feature feature, Side side, Collection<Item> items) {
    List<Object[]> rows = new ArrayList<>(items.size());
    for (Item item : items) {
      rows.add(row(pairId, feature, side, key(item, feature)));
    }
    return rows;
  }

  private static Object[] scope(String pairId, Feature feature, Side side) {
    return new Object[] {Objects.requireNonNull(pairId, "pairId"), feature.key(), side.key()};
  }

  private static Object[] row(String pairId, Feature feature, Side side, Object... rest) {
    Object[] row = new Object[3 + rest.length];
    System.arraycopy(scope(pairId, feature, side), 0, row, 0, 3);
    System.arraycopy(rest, 0, row, 3, rest.length);
    return row;
  }
}
