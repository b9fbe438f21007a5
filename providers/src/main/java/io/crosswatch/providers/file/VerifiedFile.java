package io.crosswatch.providers.file;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.providers.cache.ScopedCacheFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the FILE provider knows of a file it read or wrote in full: a checksum of its bytes, how
 * many items each feature holds and a checksum of each feature's items ({@link ContentHash}). Kept
 * in the state dir, it lets a later run that finds the same bytes answer health and snapshot
 * digests without parsing.
 *
 * @param checksum the checksum of the file's bytes
 * @param counts items per feature
 * @param digests per feature, the checksum of its items in order ({@link #itemsDigest})
 */
record VerifiedFile(String checksum, Map<Feature, Integer> counts, Map<Feature, String> digests) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int VERSION = 2;

  VerifiedFile {
    counts = Map.copyOf(counts);
    digests = Map.copyOf(digests);
  }

  /** The cache file of one FILE instance, scoped to the JSON file it describes. */
  static ScopedCacheFile cacheFile(Path cache, Path file, String label) {
    return new ScopedCacheFile(
        cache, VERSION, file.toAbsolutePath().toString(), "verified", "the file digests", label);
  }

  /** The entry a cache file holds, when it is complete. */
  static Optional<VerifiedFile> read(ScopedCacheFile cache, DiagnosticLog log) {
    JsonNode s = cache.read(log).section();
    String sha = s.path("checksum").asString("");
    if (sha.isEmpty()) {
      return Optional.empty();
    }
    Map<Feature, Integer> counts = new EnumMap<>(Feature.class);
    Map<Feature, String> digests = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      JsonNode count = s.path("counts").path(f.key());
      String digest = s.path("digests").path(f.key()).asString("");
      if (!count.isInt() || digest.isEmpty()) {
        return Optional.empty();
      }
      counts.put(f, count.asInt());
      digests.put(f, digest);
    }
    return Optional.of(new VerifiedFile(sha, counts, digests));
  }

  /** Replaces the cache file with this entry; a failure is a warning. */
  void write(ScopedCacheFile cache, DiagnosticLog log) {
    cache.write(
        section -> {
          section.put("checksum", checksum);
          ObjectNode countsNode = section.putObject("counts");
          ObjectNode digestsNode = section.putObject("digests");
          for (Feature f : Feature.values()) {
            countsNode.put(f.key(), counts.get(f));
            digestsNode.put(f.key(), digests.get(f));
          }
        },
        log,
        "the next run parses the file to check it");
  }

  /** The checksum of a file's bytes. */
  static String hash(byte[] bytes) {
    return ContentHash.of(bytes);
  }

  /** The checksum of the items' normalized JSON, in order: equal lists, equal digests. */
  static String itemsDigest(List<Item> items) {
    ContentHash hash = new ContentHash();
    try (OutputStream sink = hash.wrap(OutputStream.nullOutputStream());
        JsonGenerator g = MAPPER.createGenerator(sink)) {
      g.writeStartArray();
      for (Item item : items) {
        ItemJson.write(g, item);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new IllegalStateException("hashing to memory failed", e);
    }
    return hash.hex();
  }
}
