package io.crosswatch.providers.file;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.cache.ScopedCacheFile;
import io.crosswatch.providers.local.DocumentFormatException;
import io.crosswatch.providers.local.ItemIndex;
import io.crosswatch.providers.local.LibraryDocument;
import io.crosswatch.providers.local.LocalProvider;
import io.crosswatch.providers.local.LocalWrites;
import io.crosswatch.providers.local.PlaylistBook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A JSON file of normalized items. The file is read once, on first use, and kept in memory; every
 * write call that changes something rewrites the whole file atomically before it returns. A file
 * that cannot be read or parsed makes the provider DOWN, and it is then never written.
 *
 * <p>With a cache file, the provider remembers at the end of a run ({@link #settle}) the hash of
 * the bytes it last read or wrote, with each feature's item count and {@link #snapshotDigest
 * digest}; a later run that finds the same bytes answers health and digests from it without
 * parsing, and parses only when a snapshot is asked for.
 */
final class FileProvider extends LocalProvider {
  private final ScopedCacheFile cache;
  private final DiagnosticLog log;
  private Library library;
  private VerifiedFile verified;
  private String fileHash;
  private final Map<Feature, String> digests = new EnumMap<>(Feature.class);

  FileProvider(String instance, Path file, Clock clock) {
    this(instance, file, clock, null, DiagnosticLog.silent());
  }

  /** A provider remembering what it verified in {@code cache} ({@code null}: remembers nothing). */
  FileProvider(String instance, Path file, Clock clock, Path cache, DiagnosticLog log) {
    super(FileProviderFactory.NAME, instance, file, clock);
    this.cache = cache == null ? null : VerifiedFile.cacheFile(cache, file, label());
    this.log = log;
  }

  /**
   * The file's content in memory, or why it cannot be used. A feature's match index is built on its
   * first write only: most runs just read, and indexing a large library costs more than reading it.
   */
  private record Library(
      Map<Feature, List<Item>> loaded,
      Map<Feature, ItemIndex> indexes,
      Map<String, JsonNode> extras,
      PlaylistBook playlists,
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
  protected String problem() {
    if (library == null && verified == null) {
      check();
    }
    return library == null ? null : library.problem();
  }

  /** Reading or writing items needs them parsed: a file only verified by its hash is parsed now. */
  @Override
  protected String problemForUse() {
    return library().problem();
  }

  @Override
  protected int count(Feature feature) {
    return library == null ? verified.counts().get(feature) : library.items(feature).size();
  }

  @Override
  protected String healthMessage() {
    return library == null || library.exists()
        ? "reading " + file()
        : file() + " does not exist yet; it will be created on the first write";
  }

  @Override
  protected List<Item> items(Feature feature) {
    return library().items(feature);
  }

  @Override
  protected ItemIndex index(Feature feature) {
    return library().index(feature);
  }

  @Override
  protected PlaylistBook playlists() {
    return library().playlists();
  }

  /**
   * The checksum of the feature's items in order, from what this run verified before (same file
   * bytes) or from the items in memory, which follow this provider's own writes. Empty when the
   * file cannot be used.
   */
  @Override
  public synchronized Optional<String> snapshotDigest(Feature feature) {
    if (problem() != null) {
      return Optional.empty();
    }
    if (library == null) {
      return Optional.of(verified.digests().get(feature));
    }
    return Optional.of(digests.computeIfAbsent(feature, f -> VerifiedFile.itemsDigest(items(f))));
  }

  /**
   * Remembers the hash of the bytes this run last read or wrote, with each feature's count and
   * digest, when the file was parsed (or written) in this run and is valid.
   */
  @Override
  public synchronized void settle() {
    Library lib = library;
    if (cache == null
        || lib == null
        || lib.problem() != null
        || !lib.exists()
        || fileHash == null) {
      return;
    }
    Map<Feature, Integer> counts = new EnumMap<>(Feature.class);
    Map<Feature, String> all = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      counts.put(f, lib.items(f).size());
      all.put(f, snapshotDigest(f).orElseThrow());
    }
    new VerifiedFile(fileHash, counts, all).write(cache, log);
  }

  @Override
  protected void save(Feature feature, LocalWrites.Op op, LocalWrites.Changes changes)
      throws ProviderException {
    // The whole document is written again, whatever changed.
    Library lib = library;
    Map<Feature, List<Item>> items = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      items.put(f, lib.items(f));
    }
    digests.remove(feature);
    fileHash = null;
    ContentHash hash = new ContentHash();
    try {
      AtomicFiles.write(
          file(),
          out -> LibraryDocument.write(hash.wrap(out), items, lib.extras(), lib.playlists().all()),
          null);
      library = new Library(lib.loaded(), lib.indexes(), lib.extras(), lib.playlists(), true, null);
      fileHash = hash.hex();
    } catch (IOException | RuntimeException e) {
      // The memory copy now differs from the file: read the file again on next use.
      library = null;
      verified = null;
      digests.clear();
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          String.format(
              Locale.ROOT,
              "%s feature=%s op=%s: cannot write %s: %s; check that the folder is writable and"
                  + " the disk has space",
              label(),
              feature.key(),
              op.name().toLowerCase(Locale.ROOT),
              file(),
              describe(e)),
          false,
          null,
          e);
    }
  }

  private Library library() {
    if (library == null) {
      library = load(null);
    }
    return library;
  }

  /**
   * First use: a file whose bytes hash to what the cache remembers is taken as verified (its counts
   * and digests known, its items parsed only when asked for); any other file is parsed now.
   */
  private void check() {
    if (cache != null && Files.exists(file())) {
      try {
        byte[] bytes = Files.readAllBytes(file());
        String sha = VerifiedFile.hash(bytes);
        Optional<VerifiedFile> known = VerifiedFile.read(cache, log);
        if (known.isPresent() && known.get().checksum().equals(sha)) {
          verified = known.get();
          return;
        }
        library = load(bytes);
        return;
      } catch (IOException e) {
        // reported by load
      }
    }
    library = load(null);
  }

  /** Parses the file ({@code bytes} when already read), remembering the hash of its bytes. */
  private Library load(byte[] read) {
    digests.clear();
    fileHash = null;
    if (read == null && !Files.exists(file())) {
      return fromContents(LibraryDocument.Contents.empty(), false);
    }
    try {
      byte[] bytes = read != null ? read : Files.readAllBytes(file());
      Library lib = fromContents(LibraryDocument.read(new ByteArrayInputStream(bytes)), true);
      fileHash = VerifiedFile.hash(bytes);
      return lib;
    } catch (DocumentFormatException e) {
      return failed(
          label()
              + ": "
              + file()
              + ": "
              + e.getMessage()
              + "; fix the file (crosswatch does not write it while it is invalid)");
    } catch (IOException e) {
      return failed(label() + ": cannot read " + file() + ": " + describe(e));
    }
  }

  private static Library fromContents(LibraryDocument.Contents contents, boolean exists) {
    Map<Feature, List<Item>> loaded = new EnumMap<>(Feature.class);
    contents.items().forEach(loaded::put);
    return new Library(
        loaded,
        new EnumMap<>(Feature.class),
        contents.extras(),
        PlaylistBook.of(contents.playlists()),
        exists,
        null);
  }

  private static Library failed(String problem) {
    return new Library(Map.of(), Map.of(), Map.of(), new PlaylistBook(), true, problem);
  }

  static String describe(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
