package io.crosswatch.core.review;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a plan file strictly: a truncated file, an unknown format version, a missing or unknown
 * key, or an item of a shape crosswatch never writes makes the whole plan unusable, with the file
 * and JSON path in the message.
 */
public final class PlanDocumentReader {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Set<String> DOCUMENT_KEYS =
      Set.of("format", "created_at", "config_sha256", "pairs");
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
          "paused_at");
  private static final Set<String> SHOW_KEYS = Set.of("title", "year", "ids");

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
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new PlanFileException(file + ": plan file not found", e);
    } catch (IOException e) {
      throw new PlanFileException(file + ": cannot read the plan file (" + e.getMessage() + ")", e);
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
    if (root == null || !root.isObject()) {
      throw invalid("$", "must be a JSON object (a plan written by `cw plan --out`)");
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isString()) {
      throw invalid("$.format", "is missing: this is not a crosswatch plan");
    }
    if (!PlanDocument.FORMAT.equals(format.asString())) {
      throw invalid(
          "$.format",
          "is \""
              + format.asString()
              + "\", a format this version cannot read (it reads "
              + PlanDocument.FORMAT
              + "); make the plan again with this version's `cw plan --out`");
    }
    onlyKeys(root, "$", DOCUMENT_KEYS);
    Instant created = instant(required(root, "$", "created_at"), "$.created_at");
    String hash = text(required(root, "$", "config_sha256"), "$.config_sha256");
    if (!hash.matches("[0-9a-f]{64}")) {
      throw invalid("$.config_sha256", "must be 64 lower-case hex digits");
    }
    List<PairChanges> pairs = new ArrayList<>();
    JsonNode list = array(required(root, "$", "pairs"), "$.pairs");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      PairChanges pair = pair(list.get(i), "$.pairs[" + i + "]");
      if (!ids.add(pair.id())) {
        throw invalid("$.pairs[" + i + "].id", "names pair \"" + pair.id() + "\" twice");
      }
      pairs.add(pair);
    }
    return new PlanDocument(created, hash, pairs);
  }

  private PairChanges pair(JsonNode node, String path) {
    object(node, path);
    onlyKeys(node, path, Set.of("id", "features"));
    String id = text(required(node, path, "id"), path + ".id");
    JsonNode list = array(required(node, path, "features"), path + ".features");
    List<FeatureChanges> features = new ArrayList<>();
    Set<Feature> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + ".features[" + i + "]";
      JsonNode f = object(list.get(i), at);
      onlyKeys(f, at, Set.of("feature", "source", "target"));
      String key = text(required(f, at, "feature"), at + ".feature");
      Feature feature =
          Feature.fromKey(key)
              .orElseThrow(() -> invalid(at + ".feature", "unknown feature \"" + key + "\""));
      if (!seen.add(feature)) {
        throw invalid(at + ".feature", "names " + key + " twice for pair \"" + id + "\"");
      }
      SidePlan source = side(required(f, at, "source"), at + ".source");
      SidePlan target = side(required(f, at, "target"), at + ".target");
      features.add(new FeatureChanges(feature, source, target));
    }
    return new PairChanges(id, features);
  }

  private SidePlan side(JsonNode node, String path) {
    object(node, path);
    onlyKeys(node, path, Set.of("add", "remove", "update"));
    List<Item> adds = items(required(node, path, "add"), path + ".add");
    List<Item> removes = items(required(node, path, "remove"), path + ".remove");
    List<Item> updates = items(required(node, path, "update"), path + ".update");
    for (int i = 0; i < updates.size(); i++) {
      if (updates.get(i).rating() == null) {
        throw invalid(path + ".update[" + i + "]", "an update must carry a rating");
      }
    }
    return new SidePlan(adds, removes, updates);
  }

  private List<Item> items(JsonNode node, String path) {
    array(node, path);
    List<Item> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode item = object(node.get(i), at);
      onlyKeys(item, at, ITEM_KEYS);
      ids(item.get("ids"), at + ".ids");
      JsonNode show = item.get("show");
      if (show != null && !show.isNull()) {
        onlyKeys(object(show, at + ".show"), at + ".show", SHOW_KEYS);
        ids(show.get("ids"), at + ".show.ids");
      }
      try {
        items.add(ItemJson.read(item, at));
      } catch (ItemFormatException e) {
        throw invalid(e.getMessage());
      }
    }
    return items;
  }

  private void ids(JsonNode ids, String path) {
    if (ids == null || ids.isNull()) {
      return;
    }
    object(ids, path);
    for (String name : ids.propertyNames()) {
      if (IdKind.fromKey(name).isEmpty()) {
        throw invalid(path + "." + name, "unknown id kind");
      }
    }
  }

  private void onlyKeys(JsonNode node, String path, Set<String> allowed) {
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        throw invalid(path + "." + name, "unknown key: crosswatch never writes it");
      }
    }
  }

  private JsonNode required(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw invalid(path + "." + key, "is missing");
    }
    return value;
  }

  private JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw invalid(path, "must be an object");
    }
    return node;
  }

  private JsonNode array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw invalid(path, "must be an array");
    }
    return node;
  }

  private String text(JsonNode node, String path) {
    if (!node.isString()) {
      throw invalid(path, "must be a string");
    }
    return node.asString();
  }

  private Instant instant(JsonNode node, String path) {
    try {
      return ItemJson.parseInstant(text(node, path), path);
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
