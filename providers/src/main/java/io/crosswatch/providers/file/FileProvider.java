package io.crosswatch.providers.file;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.local.DocumentFormatException;
import io.crosswatch.providers.local.ItemIndex;
import io.crosswatch.providers.local.LibraryDocument;
import io.crosswatch.providers.local.LocalProvider;
import io.crosswatch.providers.local.LocalWrites;
import io.crosswatch.providers.local.PlaylistBook;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A JSON file of normalized items. The file is read once, on first use, and kept in memory; every
 * write call that changes something rewrites the whole file atomically before it returns. A file
 * that cannot be read or parsed makes the provider DOWN, and it is then never written.
 */
final class FileProvider extends LocalProvider {
  private Library library;

  FileProvider(String instance, Path file, Clock clock) {
    super(FileProviderFactory.NAME, instance, file, clock);
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
    return library().problem();
  }

  @Override
  protected int count(Feature feature) {
    return library.items(feature).size();
  }

  @Override
  protected String healthMessage() {
    return library.exists()
        ? "reading " + file()
        : file() + " does not exist yet; it will be created on the first write";
  }

  @Override
  protected List<Item> items(Feature feature) {
    return library.items(feature);
  }

  @Override
  protected ItemIndex index(Feature feature) {
    return library.index(feature);
  }

  @Override
  protected PlaylistBook playlists() {
    return library.playlists();
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
    try {
      AtomicFiles.write(
          file(),
          out -> LibraryDocument.write(out, items, lib.extras(), lib.playlists().all()),
          null);
      library = new Library(lib.loaded(), lib.indexes(), lib.extras(), lib.playlists(), true, null);
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
              file(),
              describe(e)),
          false,
          null,
          e);
    }
  }

  private Library library() {
    if (library == null) {
      library = load();
    }
    return library;
  }

  private Library load() {
    if (!Files.exists(file())) {
      return fromContents(LibraryDocument.Contents.empty(), false);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file()), 1 << 16)) {
      return fromContents(LibraryDocument.read(in), true);
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
