package io.crosswatch.providers.local;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemFormatException;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.model.PlaylistRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the FILE document {@code {"watchlist": [...], "history": [...], "ratings":
 * [...], "playlists": [...], "progress": [...]}} of normalized items, streaming so that libraries
 * of hundreds of thousands of items stay fast. Other top-level keys are kept as they are.
 */
public final class LibraryDocument {
  // Items are read one by one from the open parser, so what follows each one is not "trailing".
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final ObjectWriter PRETTY = MAPPER.writer().with(new LinePrinter());

  private LibraryDocument() {}

  /**
   * A parsed document.
   *
   * @param items the items of each feature, in file order (every feature present, maybe empty)
   * @param extras other top-level keys, in file order
   * @param playlists every playlist (name and description), empty ones included, in file order;
   *     their members are the playlists feature's items, each carrying its playlist and position
   */
  public record Contents(
      Map<Feature, List<Item>> items, Map<String, JsonNode> extras, List<PlaylistRef> playlists) {
    public Contents {
      EnumMap<Feature, List<Item>> copy = new EnumMap<>(Feature.class);
      for (Feature f : Feature.values()) {
        copy.put(f, List.copyOf(items.getOrDefault(f, List.of())));
      }
      items = java.util.Collections.unmodifiableMap(copy);
      extras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
      playlists = List.copyOf(playlists);
    }

    /** A document whose playlists are only those its members name. */
    public Contents(Map<Feature, List<Item>> items, Map<String, JsonNode> extras) {
      this(items, extras, List.of());
    }

    /** A document without items. */
    public static Contents empty() {
      return new Contents(Map.of(), Map.of());
    }

    /** How many items all features hold together. */
    public int itemCount() {
      return items.values().stream().mapToInt(List::size).sum();
    }
  }

  /**
   * Parses a document; an empty stream is an empty document, a missing feature key or {@code null}
   * an empty feature.
   *
   * @throws DocumentFormatException for invalid JSON (naming line and column) or a malformed entry
   *     (naming its JSON path)
   * @throws IOException when the stream cannot be read
   */
  public static Contents read(InputStream in) throws IOException, DocumentFormatException {
    Objects.requireNonNull(in, "in");
    try (JsonParser p = MAPPER.createParser(in)) {
      return readDocument(p);
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      throw new DocumentFormatException(syntaxMessage(e), e);
    }
  }

  private static Contents readDocument(JsonParser p) throws DocumentFormatException {
    JsonToken token = p.nextToken();
    if (token == null) {
      return Contents.empty();
    }
    if (token != JsonToken.START_OBJECT) {
      throw new DocumentFormatException(
          at(p.currentTokenLocation())
              + ": the document must be a JSON object such as {\"watchlist\": [], \"history\": [],"
              + " \"ratings\": []}");
    }
    Map<Feature, List<Item>> items = new EnumMap<>(Feature.class);
    Map<String, JsonNode> extras = new LinkedHashMap<>();
    List<PlaylistRef> playlists = new ArrayList<>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      Optional<Feature> feature = Feature.fromKey(name);
      if (feature.isPresent() && feature.get() == Feature.PLAYLISTS) {
        PlaylistSection.read(
            p, playlists, items.computeIfAbsent(Feature.PLAYLISTS, f -> new ArrayList<>()));
      } else if (feature.isPresent()) {
        readItems(p, feature.get(), items.computeIfAbsent(feature.get(), f -> new ArrayList<>()));
      } else {
        extras.put(name, MAPPER.readTree(p));
      }
    }
    if (p.nextToken() != null) {
      throw new DocumentFormatException(
          at(p.currentTokenLocation()) + ": unexpected content after the document's end");
    }
    return new Contents(items, extras, playlists);
  }

  private static void readItems(JsonParser p, Feature feature, List<Item> into)
      throws DocumentFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      throw new DocumentFormatException(feature.key() + ": must be an array of items");
    }
    int i = into.size();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String path = feature.key() + "[" + i + "]";
      into.add(checked(p, path, feature));
      i++;
    }
  }

  static Item checked(JsonParser p, String path, Feature feature) throws DocumentFormatException {
    try {
      Item item = ItemJson.read(p, path);
      if (feature == Feature.RATINGS && item.rating() == null) {
        throw new ItemFormatException(path + ".rating", "is required for ratings (1-10)");
      }
      if (feature == Feature.PROGRESS && item.progressMs() == null) {
        throw new ItemFormatException(
            path + ".progress_ms", "is required for progress (milliseconds from the start)");
      }
      return item;
    } catch (ItemFormatException e) {
      throw new DocumentFormatException(e.getMessage(), e);
    }
  }

  private static String syntaxMessage(JacksonException e) {
    String problem = e.getOriginalMessage();
    int newline = problem == null ? -1 : problem.indexOf('\n');
    if (newline > 0) {
      problem = problem.substring(0, newline);
    }
    int source = problem == null ? -1 : problem.indexOf("[Source:");
    int note = source < 0 ? -1 : problem.lastIndexOf(" (", source);
    if (note > 0) {
      problem = problem.substring(0, note); // the parser's own location note repeats ours
    }
    return "invalid JSON " + at(e.getLocation()) + ": " + problem;
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location == TokenStreamLocation.NA || location.getLineNr() < 1) {
      return "at an unknown position";
    }
    return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * Writes a document, pretty-printed, keys in the order watchlist, history, ratings, playlists,
   * progress, then the extras. Features missing from {@code items} are written as empty arrays.
   * Does not close {@code out}.
   */
  public static void write(
      OutputStream out,
      Map<Feature, ? extends Collection<Item>> items,
      Map<String, JsonNode> extras)
      throws IOException {
    write(out, items, extras, List.of());
  }

  /**
   * Writes a document as {@link #write(OutputStream, Map, Map)} does; {@code playlists} names the
   * playlists in order (empty ones too), each written with its members in position order.
   */
  public static void write(
      OutputStream out,
      Map<Feature, ? extends Collection<Item>> items,
      Map<String, JsonNode> extras,
      List<PlaylistRef> playlists)
      throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(extras, "extras");
    try (JsonGenerator g = PRETTY.createGenerator(new NonClosing(out))) {
      g.writeStartObject();
      for (Feature feature : Feature.values()) {
        g.writeName(feature.key());
        if (feature == Feature.PLAYLISTS) {
          PlaylistSection.write(g, playlists, items.get(feature));
          continue;
        }
        g.writeStartArray();
        Collection<Item> list = items.get(feature);
        if (list != null) {
          for (Item item : list) {
            ItemJson.write(g, item);
          }
        }
        g.writeEndArray();
      }
      for (Map.Entry<String, JsonNode> extra : extras.entrySet()) {
        g.writeName(extra.getKey());
        g.writeTree(extra.getValue());
      }
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    }
  }

  /** Keeps the caller's stream open when the generator closes. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** The I/O failure inside a Jackson wrapper (the cause when there is one). */
  private static IOException ioFailure(JacksonIOException e) {
    return e.getCause() != null ? e.getCause() : new IOException(e);
  }
}
