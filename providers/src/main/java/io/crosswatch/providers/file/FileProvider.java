package io.crosswatch.providers.file;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.local.DocumentFormatException;
import io.crosswatch.providers.local.ItemIndex;
import io.crosswatch.providers.local.LibraryDocument;
import io.crosswatch.providers.local.LocalWrites;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A JSON file of normalized items. The file is read once, on first use, and kept in memory; every
 * write call that changes something rewrites the whole file atomically before it returns. A file
 * that cannot be read or parsed makes the provider DOWN, and it is then never written.
 */
final class FileProvider implements Provider {
  private static final Set<Feature> FEATURES = EnumSet.allOf(Feature.class);

  private final String instance;
  private final Path file;
  private final Clock clock;
  private Library library;

  FileProvider(String instance, Path file, Clock clock) {
    this.instance = Objects.requireNonNull(instance, "instance");
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The file's content in memory, or why it cannot be used. A feature's match index is built on its
   * first write only: most runs just read, and indexing a large library costs more than reading it.
   */
  private record Library(
      Map<Feature, List<Item>> loaded,
      Map<Feature, ItemIndex> indexes,
      Map<String, JsonNode> extras,
      boolean exists,
      String problem) {

    List<Item> items(Feature f) {
      ItemIndex index = indexes.get(f);
      return index != null ? index.items() : loaded.getOrDefault(f, List.of());
    }

    ItemIndex index(Feature f) {
      return indexes.computeIfAbsent(f, x -> ItemIndex.of(x, loaded.getOrDefault(x, List.of())));
    }
  }

  @Override
  public String name() {
    return FileProviderFactory.NAME;
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public Set<Feature> features() {
    return FEATURES;
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized HealthReport health() {
    Instant start = clock.instant();
    Library lib = library();
    Duration latency = Duration.between(start, clock.instant());
    if (lib.problem() != null) {
      return HealthReport.down(lib.problem(), latency);
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("path", file.toString());
    for (Feature f : Feature.values()) {
      details.put(f.key(), Integer.toString(lib.items(f).size()));
    }
    String message =
        lib.exists()
            ? "reading " + file
            : file + " does not exist yet; it will be created on the first write";
    return new HealthReport(HealthReport.Status.OK, message, latency, FEATURES, details);
  }

  @Override
  public synchronized List<Item> snapshot(Feature feature) throws ProviderException {
    return usable(feature).items(feature);
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.ADD, feature, items);
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.REMOVE, feature, items);
  }

  @Override
  public WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    return write(LocalWrites.Op.UPDATE, feature, items);
  }

  private synchronized WriteResult write(LocalWrites.Op op, Feature feature, List<Item> items)
      throws ProviderException {
    Objects.requireNonNull(items, "items");
    Library lib = usable(feature);
    LocalWrites.Outcome outcome = LocalWrites.apply(lib.index(feature), op, items);
    if (!outcome.changes().isEmpty()) {
      save(lib, feature, op);
    }
    return outcome.result();
  }

  private void save(Library lib, Feature feature, LocalWrites.Op op) throws ProviderException {
    Map<Feature, List<Item>> items = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      items.put(f, lib.items(f));
    }
    try {
      AtomicFiles.write(file, out -> LibraryDocument.write(out, items, lib.extras()), null);
      library = new Library(lib.loaded(), lib.indexes(), lib.extras(), true, null);
    } catch (IOException | RuntimeException e) {
      // The memory copy now differs from the file: read the file again on next use.
      library = null;
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          String.format(
              Locale.ROOT,
              "%s feature=%s op=%s: cannot write %s: %s; check that the folder is writable and"
                  + " the disk has space",
              label(),
              feature.key(),
              op.name().toLowerCase(Locale.ROOT),
              file,
              describe(e)),
          false,
          null,
          e);
    }
  }

  private Library usable(Feature feature) throws ProviderException {
    Objects.requireNonNull(feature, "feature");
    Library lib = library();
    if (lib.problem() != null) {
      throw ProviderException.permanent(ProviderException.Kind.UNAVAILABLE, lib.problem());
    }
    return lib;
  }

  private Library library() {
    if (library == null) {
      library = load();
    }
    return library;
  }

  private Library load() {
    if (!Files.exists(file)) {
      return fromContents(LibraryDocument.Contents.empty(), false);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return fromContents(LibraryDocument.read(in), true);
    } catch (DocumentFormatException e) {
      return failed(
          label()
              + ": "
              + file
              + ": "
              + e.getMessage()
              + "; fix the file (crosswatch does not write it while it is invalid)");
    } catch (IOException e) {
      return failed(label() + ": cannot read " + file + ": " + describe(e));
    }
  }

  private static Library fromContents(LibraryDocument.Contents contents, boolean exists) {
    Map<Feature, List<Item>> loaded = new EnumMap<>(Feature.class);
    contents.items().forEach(loaded::put);
    return new Library(loaded, new EnumMap<>(Feature.class), contents.extras(), exists, null);
  }

  private static Library failed(String problem) {
    return new Library(Map.of(), Map.of(), Map.of(), true, problem);
  }

  static String describe(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
