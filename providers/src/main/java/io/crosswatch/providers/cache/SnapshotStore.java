package io.crosswatch.providers.cache;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the last snapshot of each feature of one provider instance across runs, together with the
 * change marks that produced it, in {@code <state_dir>/cache/<PROVIDER>-<instance>.json} (one
 * compact JSON file, replaced atomically, owner-only).
 *
 * <p>How a provider uses it:
 *
 * <ol>
 *   <li>open it once per instance with {@link #forInstance}, passing a scope that names the data
 *       source (e.g. the base URL), so that a cache of another server is never reused;
 *   <li>on snapshot, ask the service for its cheap change marks (activity timestamps, a library
 *       update time) and call {@link #snapshot(Feature, Map, FeatureReader)} with them: when the
 *       stored marks are equal ({@link #reusable}), it uses the stored items without reading
 *       anything else;
 *   <li>otherwise it reads the feature and {@link #store}s it with the marks fetched
 *       <em>before</em> the read (a change racing with the read then only causes one more read next
 *       time);
 *   <li>after writing to the service, {@link #drop} the features the write may have changed;
 *   <li>when a guard found a snapshot suspect ({@link
 *       io.crosswatch.core.provider.Provider#discardSnapshot}), {@link #discard} it;
 *   <li>when the run's writes are done ({@link io.crosswatch.core.provider.Provider#settle}), call
 *       {@link #refreshDropped} with the provider's snapshot method: the features this instance
 *       dropped are read again (marks first) and stored, so that the next run finds its own writes
 *       already in the cache and makes only the change-mark call.
 * </ol>
 *
 * <p>The cache is an optimisation, never a source of truth: a missing, corrupt or foreign file is
 * ignored (with a warning when corrupt) and rebuilt, and a failed save is a warning. Small facts
 * that change rarely (account limits, server versions) can be kept with marks as well ({@link
 * #facts}, {@link #putFacts}). Thread-safe.
 */
public final class SnapshotStore {
  /** The folder under the state dir that holds the cache files. */
  public static final String FOLDER = "cache";

  private static final int VERSION = 1;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Path file;
  private final String provider;
  private final String instance;
  private final String scope;
  private final Clock clock;
  private final DiagnosticLog log;
  private final Map<Feature, StoredSnapshot> snapshots = new EnumMap<>(Feature.class);
  private final Map<String, Facts> facts = new TreeMap<>();
  private final Set<Feature> dropped = EnumSet.noneOf(Feature.class);
  private boolean loaded;

  /** How a provider reads one feature: its {@code snapshot} method, or its full read. */
  @FunctionalInterface
  public interface FeatureReader {
    /** Reads the feature's items. */
    List<Item> read(Feature feature) throws ProviderException;
  }

  private record Facts(Map<String, String> marks, Map<String, String> values) {}

  /**
   * A store for one provider instance.
   *
   * @param stateDir the state dir; the file is {@code cache/<PROVIDER>-<instance>.json} in it
   * @param scope what the data belongs to (base URL, server id, account); a file stored under
   *     another scope is ignored
   */
  public SnapshotStore(
      Path stateDir,
      String provider,
      String instance,
      String scope,
      Clock clock,
      DiagnosticLog log) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.file = file(Objects.requireNonNull(stateDir, "stateDir"), provider, instance);
    this.scope = Objects.requireNonNull(scope, "scope");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** The store of the instance a provider is being built for. */
  public static SnapshotStore forInstance(ProviderContext context, String scope) {
    Objects.requireNonNull(context, "context");
    return new SnapshotStore(
        context.stateDir(),
        context.name(),
        context.instance(),
        scope,
        context.clock(),
        context.log());
  }

  /** Where the cache of one instance lives. */
  public static Path file(Path stateDir, String provider, String instance) {
    return stateDir.resolve(FOLDER).resolve(Names.fileName(provider, instance));
  }

  /** This store's file. */
  public Path file() {
    return file;
  }

  /** The stored snapshot of a feature, whatever its marks. */
  public synchronized Optional<StoredSnapshot> get(Feature feature) {
    load();
    return Optional.ofNullable(snapshots.get(Objects.requireNonNull(feature, "feature")));
  }

  /**
   * A feature's items through this store: the stored ones when {@link #reusable(Feature, Map)},
   * else those of {@code fullRead}, {@linkplain #store stored} with {@code marks} (fetched before
   * the read).
   */
  public List<Item> snapshot(Feature feature, Map<String, String> marks, FeatureReader fullRead)
      throws ProviderException {
    return snapshot(feature, marks, reusable(feature, marks), fullRead);
  }

  /**
   * As {@link #snapshot(Feature, Map, FeatureReader)}, reusing only a snapshot younger than {@code
   * maxAge} ({@link #reusable(Feature, Map, Duration)}).
   */
  public List<Item> snapshot(
      Feature feature, Map<String, String> marks, Duration maxAge, FeatureReader fullRead)
      throws ProviderException {
    return snapshot(feature, marks, reusable(feature, marks, maxAge), fullRead);
  }

  private List<Item> snapshot(
      Feature feature,
      Map<String, String> marks,
      Optional<List<Item>> stored,
      FeatureReader fullRead)
      throws ProviderException {
    Objects.requireNonNull(fullRead, "fullRead");
    if (stored.isPresent()) {
      log.debug(
          label()
              + " "
              + feature.key()
              + ": unchanged since the last read, "
              + stored.get().size()
              + " items from the snapshot cache");
      return stored.get();
    }
    List<Item> items = fullRead.read(feature);
    store(feature, marks, items);
    return items;
  }

  /**
   * Stores a feature's items read while {@code marks} were current; without marks there is no proof
   * to reuse them by, so the stored snapshot is dropped instead.
   */
  public void store(Feature feature, Map<String, String> marks, List<Item> items) {
    if (marks.isEmpty()) {
      forget(feature, false);
    } else {
      put(feature, marks, items);
    }
  }

  /**
   * The stored items of a feature when they were stored with exactly these marks; empty otherwise
   * (also when {@code marks} is empty: no marks, no proof that nothing changed).
   */
  public synchronized Optional<List<Item>> reusable(Feature feature, Map<String, String> marks) {
    return matching(feature, marks).map(StoredSnapshot::items);
  }

  /**
   * As {@link #reusable(Feature, Map)}, and only while the snapshot is younger than {@code maxAge}:
   * marks can miss changes, so an old snapshot is read again in full now and then.
   */
  public synchronized Optional<List<Item>> reusable(
      Feature feature, Map<String, String> marks, Duration maxAge) {
    Objects.requireNonNull(maxAge, "maxAge");
    Instant now = clock.instant();
    return matching(feature, marks)
        .filter(s -> now.isBefore(s.takenAt().plus(maxAge)))
        .map(StoredSnapshot::items);
  }

  private Optional<StoredSnapshot> matching(Feature feature, Map<String, String> marks) {
    Objects.requireNonNull(marks, "marks");
    if (marks.isEmpty()) {
      return Optional.empty();
    }
    return get(feature).filter(s -> s.marks().equals(marks));
  }

  /** Stores a feature's snapshot read while {@code marks} were current, and saves the file. */
  public synchronized void put(Feature feature, Map<String, String> marks, List<Item> items) {
    Objects.requireNonNull(feature, "feature");
    load();
    snapshots.put(feature, new StoredSnapshot(clock.instant(), marks, items));
    dropped.remove(feature);
    save();
  }

  /** Forgets a feature's snapshot (after a write that may have changed it), and saves the file. */
  public synchronized void drop(Feature feature) {
    forget(feature, true);
  }

  /**
   * Forgets a feature's snapshot for good in this run (a guard found it suspect): it is neither
   * reused nor read again when settling, so the next run reads the feature in full; saves the file.
   */
  public synchronized void discard(Feature feature) {
    forget(feature, false);
  }

  /**
   * Removes a feature's snapshot. {@code byWrite}: remember to read it again when settling;
   * otherwise (read without marks) a read when settling could not be kept either, so it is not
   * asked for.
   */
  private synchronized void forget(Feature feature, boolean byWrite) {
    load();
    if (!byWrite) {
      dropped.remove(feature);
    }
    if (snapshots.remove(Objects.requireNonNull(feature, "feature")) != null) {
      if (byWrite) {
        dropped.add(feature);
      }
      save();
    }
  }

  /**
   * Reads again, through {@code reader} (the provider's snapshot method), every feature whose
   * stored snapshot this store dropped and nothing stored since; a feature that cannot be read is a
   * warning (the next run reads it). A reader that stores several features at once (one library
   * read for all) is asked once.
   */
  public void refreshDropped(FeatureReader reader) {
    Objects.requireNonNull(reader, "reader");
    Set<Feature> asked = EnumSet.noneOf(Feature.class);
    Optional<Feature> next;
    while ((next = nextDropped(asked)).isPresent()) {
      Feature feature = next.get();
      asked.add(feature);
      try {
        reader.read(feature);
      } catch (ProviderException e) {
        log.warn(
            label()
                + ": could not read "
                + feature.key()
                + " again after this run's writes ("
                + e.getMessage()
                + "); the next run reads it in full");
      }
    }
  }

  private synchronized Optional<Feature> nextDropped(Set<Feature> asked) {
    return dropped.stream().filter(f -> !asked.contains(f)).findFirst();
  }

  /** Small facts stored under {@code name} with exactly these marks, if any. */
  public synchronized Optional<Map<String, String>> facts(String name, Map<String, String> marks) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(marks, "marks");
    load();
    Facts f = facts.get(name);
    return f != null && !marks.isEmpty() && f.marks().equals(marks)
        ? Optional.of(f.values())
        : Optional.empty();
  }

  /** Stores small facts under {@code name} with the marks they belong to, and saves the file. */
  public synchronized void putFacts(
      String name, Map<String, String> marks, Map<String, String> values) {
    Objects.requireNonNull(name, "name");
    load();
    facts.put(name, new Facts(Map.copyOf(marks), Map.copyOf(values)));
    save();
  }

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      log.warn(
          label()
              + ": cannot read the snapshot cache "
              + file
              + " ("
              + e.getMessage()
              + "); ignored, it will be rebuilt");
      return;
    }
    try {
      parse(MAPPER.readTree(bytes));
    } catch (JacksonException | DateTimeParseException | IllegalArgumentException e) {
      snapshots.clear();
      facts.clear();
      log.warn(
          label()
              + ": the snapshot cache "
              + file
              + " is damaged ("
              + shortMessage(e)
              + "); ignored, it will be rebuilt");
    }
  }

  private void parse(JsonNode root) {
    if (!root.isObject()
        || root.path("version").asInt(0) != VERSION
        || !root.path("scope").asString("").equals(scope)) {
      // Another format or another data source: start afresh without a fuss.
      log.debug(label() + ": snapshot cache " + file + " is of another version or scope; rebuilt");
      return;
    }
    for (Map.Entry<String, JsonNode> e : root.path("snapshots").properties()) {
      Feature feature = Feature.fromKey(e.getKey()).orElse(null);
      if (feature != null) {
        snapshots.put(feature, snapshot(e.getValue(), "snapshots." + e.getKey()));
      }
    }
    for (Map.Entry<String, JsonNode> e : root.path("facts").properties()) {
      facts.put(
          e.getKey(),
          new Facts(strings(e.getValue().path("marks")), strings(e.getValue().path("values"))));
    }
  }

  private static StoredSnapshot snapshot(JsonNode node, String path) {
    JsonNode items = node.path("items");
    if (!items.isArray()) {
      throw new IllegalArgumentException(path + ".items must be an array");
    }
    List<Item> list = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      list.add(ItemJson.read(items.get(i), path + ".items[" + i + "]"));
    }
    Instant takenAt = Instant.parse(node.path("taken_at").asString(""));
    return new StoredSnapshot(takenAt, strings(node.path("marks")), list);
  }

  private static Map<String, String> strings(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("marks and values must be objects");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      map.put(e.getKey(), e.getValue().asString());
    }
    return map;
  }

  private void save() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("provider", provider);
    root.put("instance", instance);
    root.put("scope", scope);
    ObjectNode snaps = root.putObject("snapshots");
    snapshots.forEach(
        (feature, s) -> {
          ObjectNode o = snaps.putObject(feature.key());
          o.put("taken_at", s.takenAt().toString());
          o.set("marks", object(s.marks()));
          ArrayNode items = o.putArray("items");
          s.items().forEach(item -> items.add(ItemJson.toJson(item)));
        });
    ObjectNode f = root.putObject("facts");
    facts.forEach(
        (name, fact) -> {
          ObjectNode o = f.putObject(name);
          o.set("marks", object(fact.marks()));
          o.set("values", object(fact.values()));
        });
    byte[] bytes = MAPPER.writeValueAsBytes(root);
    try {
      AtomicFiles.writeOwnerOnly(file, out -> out.write(bytes));
    } catch (IOException e) {
      log.warn(
          label()
              + ": cannot save the snapshot cache "
              + file
              + " ("
              + e.getMessage()
              + "); the next run reads everything again");
      deleteQuietly();
    }
  }

  private void deleteQuietly() {
    // An old file left behind could hold an entry this save meant to drop.
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn(
          label() + ": cannot delete the stale snapshot cache " + file + "; delete it by hand");
    }
  }

  private static ObjectNode object(Map<String, String> map) {
    ObjectNode o = MAPPER.createObjectNode();
    map.forEach(o::put);
    return o;
  }

  private String label() {
    return provider + ":" + instance;
  }

  private static String shortMessage(Exception e) {
    if (e instanceof JacksonException j) {
      // The parser's message may quote content; its position is enough to find the damage.
      return j.getLocation() == null
          ? "not valid JSON"
          : "not valid JSON at line "
              + j.getLocation().getLineNr()
              + ", column "
              + j.getLocation().getColumnNr();
    }
    return e.getMessage();
  }
}
