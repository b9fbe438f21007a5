package io.crosswatch.testkit.fake.mediabrowser;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renders the fake's items and user data in the MediaBrowser JSON shapes. */
final class MbJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The servers' date format: UTC with seven fractional digits. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final MbLibrary library;
  private final String serverId;

  MbJson(MbLibrary library, String serverId) {
    this.library = library;
    this.serverId = serverId;
  }

  static String date(Instant at) {
    return DATE.format(at);
  }

  static FakeResponse ok(JsonNode body) {
    return FakeResponse.json(200, body.toString());
  }

  static FakeResponse noContent() {
    return new FakeResponse(204, Map.of(), "");
  }

  /** A query parameter by case-insensitive name (both servers bind them so). */
  static Optional<String> param(FakeRequest request, String name) {
    for (Map.Entry<String, String> e : request.query().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** A comma-separated query parameter as a list (empty when absent). */
  static List<String> listParam(FakeRequest request, String name) {
    return param(request, name)
        .filter(v -> !v.isBlank())
        .map(v -> List.of(v.split(",")))
        .orElse(List.of());
  }

  /** An item as the items endpoints return it. */
  ObjectNode item(MbItem item, MbUser user, boolean withProviderIds, boolean withUserData) {
    ObjectNode o = NODES.objectNode();
    o.put("Name", item.name());
    o.put("ServerId", serverId);
    o.put("Id", item.id());
    o.put("Type", item.kind().apiName());
    if (item.year() != null) {
      o.put("ProductionYear", item.year());
    }
    if (item.kind() != MbItem.Kind.SERIES) {
      o.put("RunTimeTicks", library.runTimeTicks(item));
    }
    if (withProviderIds) {
      ObjectNode ids = o.putObject("ProviderIds");
      item.providerIds().forEach(ids::put);
    }
    if (item.kind() == MbItem.Kind.EPISODE) {
      o.put("SeriesId", item.seriesId());
      library.item(item.seriesId()).ifPresent(s -> o.put("SeriesName", s.name()));
      o.put("ParentIndexNumber", item.season());
      o.put("IndexNumber", item.number());
    }
    if (withUserData) {
      o.set("UserData", userData(item, user));
    }
    return o;
  }

  /** A user's data for an item; a series counts as played when all its episodes are. */
  ObjectNode userData(MbItem item, MbUser user) {
    MbUserData d = user.userData(item);
    ObjectNode o = NODES.objectNode();
    if (d.rating() != null) {
      o.put("Rating", d.rating());
    }
    o.put("PlaybackPositionTicks", d.playbackPositionTicks());
    long runTime = library.runTimeTicks(item);
    if (d.playbackPositionTicks() > 0 && runTime > 0) {
      o.put("PlayedPercentage", 100.0 * d.playbackPositionTicks() / runTime);
    }
    o.put("PlayCount", d.playCount());
    o.put("IsFavorite", d.favorite());
    if (d.lastPlayedDate() != null) {
      o.put("LastPlayedDate", date(d.lastPlayedDate()));
    }
    boolean played = d.played();
    if (item.kind() == MbItem.Kind.SERIES) {
      List<MbItem> episodes = library.episodes(item);
      long unplayed = episodes.stream().filter(e -> !user.userData(e).played()).count();
      played = !episodes.isEmpty() && unplayed == 0;
      o.put("UnplayedItemCount", unplayed);
    }
    o.put("Played", played);
    o.put("Key", item.id());
    o.put("ItemId", item.id());
    return o;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
