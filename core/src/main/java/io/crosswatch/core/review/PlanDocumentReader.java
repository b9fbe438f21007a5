package io.crosswatch.core.review;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemFormatException;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.plan.SidePlan;
import io.crosswatch.core.review.PlanDocument.FeatureChanges;
import io.crosswatch.core.review.PlanDocument.PairChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a plan file strictly: a truncated file, an unknown format version, a missing or unknown
 * key, or an item of a shape crosswatch never writes makes the whole plan unusable, with the file
 * and JSON path in the message. The document is read as a token stream straight into items (a plan
 * of a large library holds hundreds of thousands); the format is checked before any item, also when
 * a hand-edited file names it after the pairs.
 */
public final class PlanDocumentReader {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Set<String> ITEM_KEYS =
      Set.of(
          "type",
          "title",
          "year",
          "ids",
          "show",
          "season",
          "number",
          "listed_at",
          "watched_at",
          "rating",
          "rated_at",
          "progress_ms",
          "duration_ms",
          "paused_at",
          "playlist");
  private static final String NEVER_WRITTEN = "unknown key: crosswatch never writes it";

  private static final String REFUSED =
      "; the plan was not applied and nothing was written (make a new plan with `cw plan --out`)";

  private final Path file;

  private PlanDocumentReader(Path file) {
    this.file = file;
  }

  /**
   * Reads the plan in {@code file}.
   *
   * @throws PlanFileException saying what is wrong, where, and what to do
   */
  public static PlanDocument read(Path file) {
    return new PlanDocumentReader(file).read();
  }

  private PlanDocument read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PlanFileException(file + ": plan file not found", e);
    } catch (IOException e) {
      throw new PlanFileException(file + ": cannot read the plan file (" + e.getMessage() + ")", e);
    }
    try {
      TopLevel top = topLevel(bytes, false);
      top.check();
      if (top.pairs == null && top.pairsSeen) {
        // The pairs came before the format: read them again, now that the format is known.
        top = topLevel(bytes, true);
      }
      return top.document();
    } catch (JacksonException e) {
      throw new PlanFileException(
          file
              + ": not a complete plan document, it may be truncated ("
              + firstLine(e.getOriginalMessage())
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")"
              + REFUSED,
          e);
    }
  }

  /**
   * Reads the document's top-level keys; its pairs are read only once the format is known to be
   * this version's ({@code formatKnown}, or a valid {@code format} key before them).
   */
  private TopLevel topLevel(byte[] bytes, boolean formatKnown) {
    TopLevel top = new TopLevel();
    try (JsonParser p = MAPPER.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("$", "must be a JSON object (a plan written by `cw plan --out`)");
      }
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        p.nextToken();
        switch (name) {
          case "format" -> top.format = scalar(p);
          case "created_at" -> top.createdAt = scalar(p);
          case "config_sha256" -> top.configSha256 = scalar(p);
          case "pairs" -> {
            top.pairsSeen = true;
            if (formatKnown || top.formatReadable()) {
              top.pairs = pairs(p, "$.pairs");
            } else {
              p.skipChildren();
            }
          }
          default -> {
            if (top.unknownKey == null) {
              top.unknownKey = name;
            }
            p.skipChildren();
          }
        }
      }
    }
    return top;
  }

  /** The document's own keys as read, checked in a fixed order once all are read. */
  private final class TopLevel {
    private Scalar format;
    private Scalar createdAt;
    private Scalar configSha256;
    private String unknownKey;
    private boolean pairsSeen;
    private List<PairChanges> pairs;

    boolean formatReadable() {
      return format != null && PlanDocument.FORMAT.equals(format.text());
    }

    /** Fails on the first problem of the format, the keys, the time and the config hash. */
    void check() {
      if (format == null || format.text() == null) {
        throw invalid("$.format", "is missing: this is not a crosswatch plan");
      }
      if (!formatReadable()) {
        throw invalid(
            "$.format",
            "is \""
                + format.text()
                + "\", a format this version cannot read (it reads "
                + PlanDocument.FORMAT
                + "); make the plan again with this version's `cw plan --out`");
      }
      if (unknownKey != null) {
        throw invalid("$." + unknownKey, NEVER_WRITTEN);
      }
      instant(text(createdAt, "$.created_at"), "$.created_at");
      if (!text(configSha256, "$.config_sha256").matches("[0-9a-f]{64}")) {
        throw invalid("$.config_sha256", "must be 64 lower-case hex digits");
      }
      if (!pairsSeen) {
        throw invalid("$.pairs", "is missing");
      }
    }

    /** The document of keys that passed {@link #check}. */
    PlanDocument document() {
      return new PlanDocument(
          instant(createdAt.text(), "$.created_at"), configSha256.text(), pairs);
    }
  }

  /** A top-level value: {@code text} is null when it is not a string. */
  private record Scalar(String text) {}

  private static Scalar scalar(JsonParser p) {
    String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null;
    p.skipChildren();
    return new Scalar(text);
  }

  private String text(Scalar value, String path) {
    if (value == null) {
      throw invalid(path, "is missing");
    }
    if (value.text() == null) {
      throw invalid(path, "must be a string");
    }
    return value.text();
  }

  private List<PairChanges> pairs(JsonParser p, String path) {
    array(p, path);
    List<PairChanges> pairs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; next(p) != JsonToken.END_ARRAY; i++) {
      PairChanges pair = pair(p, path + "[" + i + "]");
      if (!ids.add(pair.id())) {
        throw invalid(path + "[" + i + "].id", "names pair \"" + pair.id() + "\" twice");
      }
      pairs.add(pair);
    }
    return pairs;
  }

  private PairChanges pair(JsonParser p, String path) {
    object(p, path);
    String id = null;
    boolean idSeen = false;
    List<FeatureChanges> features = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      p.nextToken();
      switch (name) {
        case "id" -> {
          idSeen = true;
          id = scalar(p).text();
          if (id == null) {
            throw invalid(path + ".id", "must be a string");
          }
        }
        case "features" -> features = features(p, path + ".features");
        default -> throw invalid(path + "." + name, NEVER_WRITTEN);
      }
    }
    if (!idSeen) {
      throw invalid(path + ".id", "is missing");
    }
    if (features == null) {
      throw invalid(path + ".features", "is missing");
    }
    Set<Feature> seen = new HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      Feature feature = features.get(i).feature();
      if (!seen.add(feature)) {
        throw invalid(
            path + ".features[" + i + "].feature",
            "names " + feature.key() + " twice for pair \"" + id + "\"");
      }
    }
    return new PairChanges(id, features);
  }

  private List<FeatureChanges> features(JsonParser p, String path) {
    array(p, path);
    List<FeatureChanges> features = new ArrayList<>();
    for (int i = 0; next(p) != JsonToken.END_ARRAY; i++) {
      features.add(feature(p, path + "[" + i + "]"));
    }
    return features;
  }

  private FeatureChanges feature(JsonParser p, String at) {
    object(p, at);
    Feature feature = null;
    SidePlan source = null;
    SidePlan target = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      p.nextToken();
      switch (name) {
        case "feature" -> {
          String key = scalar(p).text();
          if (key == null) {
            throw invalid(at + ".feature", "must be a string");
          }
          feature =
              Feature.fromKey(key)
                  .orElseThrow(() -> invalid(at + ".feature", "unknown feature \"" + key + "\""));
        }
        case "source" -> source = side(p, at + ".source");
        case "target" -> target = side(p, at + ".target");
        default -> throw invalid(at + "." + name, NEVER_WRITTEN);
      }
    }
    return new FeatureChanges(
        required(feature, at + ".feature"),
        required(source, at + ".source"),
        required(target, at + ".target"));
  }

  private SidePlan side(JsonParser p, String path) {
    object(p, path);
    List<Item> adds = null;
    List<Item> removes = null;
    List<Item> updates = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      p.nextToken();
      switch (name) {
        case "add" -> adds = items(p, path + ".add");
        case "remove" -> removes = items(p, path + ".remove");
        case "update" -> updates = items(p, path + ".update");
        default -> throw invalid(path + "." + name, NEVER_WRITTEN);
      }
    }
    required(adds, path + ".add");
    required(removes, path + ".remove");
    required(updates, path + ".update");
    for (int i = 0; i < updates.size(); i++) {
      if (updates.get(i).rating() == null) {
        throw invalid(path + ".update[" + i + "]", "an update must carry a rating");
      }
    }
    return new SidePlan(adds, removes, updates);
  }

  private List<Item> items(JsonParser p, String path) {
    array(p, path);
    List<Item> items = new ArrayList<>();
    for (int i = 0; next(p) != JsonToken.END_ARRAY; i++) {
      try {
        items.add(ItemJson.readStrict(p, path + "[" + i + "]", ITEM_KEYS));
      } catch (ItemFormatException e) {
        throw invalid(e.getMessage());
      }
    }
    return items;
  }

  /** The next token; the end of the input inside a value is a truncated document. */
  private JsonToken next(JsonParser p) {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new PlanFileException(
          file + ": not a complete plan document, it may be truncated" + REFUSED);
    }
    return t;
  }

  private <T> T required(T value, String path) {
    if (value == null) {
      throw invalid(path, "is missing");
    }
    return value;
  }

  private void object(JsonParser p, String path) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw invalid(path, "must be an object");
    }
  }

  private void array(JsonParser p, String path) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw invalid(path, "must be an array");
    }
  }

  private Instant instant(String text, String path) {
    try {
      return ItemJson.parseInstant(text, path);
    } catch (ItemFormatException e) {
      throw invalid(e.getMessage());
    }
  }

  private PlanFileException invalid(String path, String problem) {
    return invalid(path + ": " + problem);
  }

  private PlanFileException invalid(String problem) {
    return new PlanFileException(file + ": " + problem + REFUSED);
  }

  private static String firstLine(String text) {
    int nl = text == null ? -1 : text.indexOf('\n');
    return nl < 0 ? String.valueOf(text) : text.substring(0, nl);
  }
}
