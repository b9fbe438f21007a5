package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.providers.http.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One Trakt account: watchlist, history and ratings through Trakt's sync API. */
final class TraktProvider implements Provider {
  private static final Set<Feature> FEATURES =
      EnumSet.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS);

  private final String instance;
  private final TraktSettings settings;
  private final TraktApi api;
  private final Clock clock;
  private PlayIndex plays;

  TraktProvider(String instance, TraktSettings settings, TraktApi api, Clock clock) {
    this.instance = instance;
    this.settings = settings;
    this.api = api;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "TRAKT";
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public Set<Feature> features() {
    return FEATURES;
  }

  @Override
  public HealthReport health() {
    if (settings.clientId().isEmpty() || settings.accessToken().isEmpty()) {
      String missing = settings.clientId().isEmpty() ? "client_id" : "access_token";
      return new HealthReport(
          HealthReport.Status.AUTH_FAILED,
          label() + ": " + missing + " is empty; authorize crosswatch with Trakt first",
          Duration.ZERO,
          Set.of(),
          Map.of());
    }
    long started = System.nanoTime();
    try {
      JsonNode s = api.call(ApiRequest.get("/users/settings"));
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      Map<String, String> details = new LinkedHashMap<>();
      JsonNode limit = s.at("/limits/watchlist/item_count");
      if (limit.isNumber()) {
        details.put("watchlist_limit", limit.asString());
      }
      details.put("vip", Boolean.toString(s.at("/user/vip").asBoolean(false)));
      details.put("auth", "valid");
      return new HealthReport(HealthReport.Status.OK, "ok", latency, FEATURES, details);
    } catch (ProviderException e) {
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      if (e.kind() == Kind.AUTH) {
        return new HealthReport(
            HealthReport.Status.AUTH_FAILED,
            e.getMessage() + expiryNote(),
            latency,
            Set.of(),
            Map.of());
      }
      return HealthReport.down(e.getMessage(), latency);
    }
  }

  private String expiryNote() {
    if (settings.expiresAt() > 0 && clock.instant().getEpochSecond() >= settings.expiresAt()) {
      return " (the token expired at " + Instant.ofEpochSecond(settings.expiresAt()) + ")";
    }
    return "";
  }

  @Override
  public List<Item> snapshot(Feature feature) throws ProviderException {
    switch (feature) {
      case WATCHLIST:
        return read(feature, "/sync/watchlist", false);
      case HISTORY:
        return readHistory();
      default:
        return read(feature, "/sync/ratings", false);
    }
  }

  private List<Item> readHistory() throws ProviderException {
    List<JsonNode> rows = api.readAll("/sync/history", true);
    PlayIndex index = new PlayIndex();
    List<Item> items = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Optional<Item> item = toItem(Feature.HISTORY, rows.get(i), i);
      if (item.isPresent()) {
        items.add(item.get());
        index.add(item.get(), rows.get(i).path("id").asLong());
      }
    }
    plays = index;
    return items;
  }

  private List<Item> read(Feature feature, String path, boolean paged) throws ProviderException {
    List<JsonNode> rows = api.readAll(path, paged);
    List<Item> items = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      toItem(feature, rows.get(i), i).ifPresent(items::add);
    }
    return items;
  }

  private Optional<Item> toItem(Feature feature, JsonNode row, int index) throws ProviderException {
    try {
      Optional<Item> item = TraktItems.fromRow(row);
      switch (feature) {
        case WATCHLIST:
          return item.map(it -> it.withListedAt(TraktItems.parseTime(row, "listed_at")));
        case HISTORY:
          return item.map(it -> it.withWatchedAt(TraktItems.parseTime(row, "watched_at")));
        default:
          JsonNode rating = row.get("rating");
          Integer value = rating != null && rating.canConvertToInt() ? rating.asInt() : null;
          return item.map(it -> it.withRating(value, TraktItems.parseTime(row, "rated_at")));
      }
    } catch (IllegalArgumentException e) {
      // A snapshot missing rows could look like removals downstream, so fail it as a whole.
      throw new ProviderException(
          Kind.UNAVAILABLE,
          label()
              + " "
              + feature.key()
              + " snapshot: row "
              + index
              + " is malformed: "
              + e.getMessage(),
          false,
          null,
          e);
    }
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    return write(feature, true, items);
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    if (feature == Feature.HISTORY) {
      return removePlays(items);
    }
    return write(feature, false, items);
  }

  private WriteResult write(Feature feature, boolean add, List<Item> items)
      throws ProviderException {
    TraktBatch batch = TraktBatch.of(feature, add, items);
    if (batch.isEmpty()) {
      return new WriteResult(batch.settledOnly());
    }
    String path = "/sync/" + feature.key() + (add ? "" : "/remove");
    ApiRequest request = ApiRequest.post(path, batch.body());
    if (feature == Feature.HISTORY && add) {
      // Trakt keeps every posted play: a repeat after an unclear failure would duplicate them.
      request = request.notRepeatable();
    }
    return new WriteResult(batch.outcomes(api.call(request)));
  }

  /** Removes single plays by their play ids (removing by title would remove every play). */
  private WriteResult removePlays(List<Item> items) throws ProviderException {
    if (items.isEmpty()) {
      return new WriteResult(List.of());
    }
    boolean fresh = plays == null;
    if (fresh) {
      readHistory();
    }
    Map<Long, Item> byPlay = new LinkedHashMap<>();
    List<Item> unknown = findPlays(items, byPlay);
    if (!unknown.isEmpty() && !fresh) {
      // Plays added since the last read (by anyone) are not indexed yet: read once more.
      readHistory();
      byPlay.keySet().forEach(plays::markTaken);
      unknown = findPlays(unknown, byPlay);
    }
    List<ItemOutcome> outcomes = new ArrayList<>();
    unknown.forEach(i -> outcomes.add(ItemOutcome.notFound(i, TraktBatch.NOT_FOUND)));
    if (byPlay.isEmpty()) {
      return new WriteResult(outcomes);
    }
    ObjectNode body = TraktApi.MAPPER.createObjectNode();
    ArrayNode ids = body.putArray("ids");
    byPlay.keySet().forEach(ids::add);
    JsonNode answer = api.call(ApiRequest.post("/sync/history/remove", body.toString()));
    java.util.Set<Long> missing = new java.util.HashSet<>();
    answer.path("not_found").path("ids").forEach(id -> missing.add(id.asLong()));
    byPlay.forEach(
        (id, item) ->
            outcomes.add(
                missing.contains(id)
                    ? ItemOutcome.notFound(item, TraktBatch.NOT_FOUND)
                    : ItemOutcome.confirmed(item)));
    return new WriteResult(outcomes);
  }

  private List<Item> findPlays(List<Item> items, Map<Long, Item> byPlay) {
    List<Item> unknown = new ArrayList<>();
    for (Item item : items) {
      plays.take(item).ifPresentOrElse(id -> byPlay.put(id, item), () -> unknown.add(item));
    }
    return unknown;
  }

  @Override
  public Optional<ApiUsage> apiUsage() {
    return Optional.of(api.client().usage());
  }
}
