package io.crosswatch.providers.simkl;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads the user's library: one {@code GET /sync/all-items/{type}} per type (every list at once,
 * with episode watch times), kept until the next write. Reading every list in one call per type
 * costs three requests for all three features, where reading list by list would cost eleven; and
 * the writes need the whole library anyway to see which list a title sits in.
 */
final class SimklReader {
  private final SimklApi api;
  private final String label;
  private SimklLibrary cached;

  SimklReader(SimklApi api, String label) {
    this.api = api;
    this.label = label;
  }

  /** The library, read now unless read since the last write. */
  SimklLibrary library() throws ProviderException {
    if (cached == null) {
      cached = read();
    }
    return cached;
  }

  /** Forgets the library (after a write, which may have changed it). */
  void invalidate() {
    cached = null;
  }

  private SimklLibrary read() throws ProviderException {
    List<SimklEntry> entries = new ArrayList<>();
    for (SimklGroup group : SimklGroup.values()) {
      JsonNode body =
          api.call(
              ApiRequest.get("/sync/all-items/" + group.key())
                  .withQuery("extended", "full")
                  .withQuery("episode_watched_at", "yes")
                  .withTemplate("/sync/all-items/" + group.key()));
      parse(group, body, entries);
    }
    return new SimklLibrary(entries);
  }

  private void parse(SimklGroup group, JsonNode body, List<SimklEntry> into)
      throws ProviderException {
    // An empty library answers null (the whole body), or an object without the group's key.
    if (body.isNull() || body.isMissingNode()) {
      return;
    }
    JsonNode rows = body.isObject() ? body.get(group.key()) : null;
    if (body.isObject() && (rows == null || rows.isNull())) {
      return;
    }
    if (rows == null || !rows.isArray()) {
      throw malformed(group, "expected an object with a \"" + group.key() + "\" array", null);
    }
    for (int i = 0; i < rows.size(); i++) {
      try {
        into.add(SimklEntry.parse(group, rows.get(i)));
      } catch (IllegalArgumentException e) {
        // A library missing rows could look like removals downstream, so fail it as a whole.
        throw malformed(group, "row " + i + " is malformed: " + e.getMessage(), e);
      }
    }
  }

  private ProviderException malformed(SimklGroup group, String problem, Exception cause) {
    return new ProviderException(
        Kind.UNAVAILABLE,
        label + " GET /sync/all-items/" + group.key() + ": unexpected answer: " + problem,
        false,
        null,
        cause);
  }
}
