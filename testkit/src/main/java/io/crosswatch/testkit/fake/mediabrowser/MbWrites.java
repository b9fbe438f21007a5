package io.crosswatch.testkit.fake.mediabrowser;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake's writes: played state, favourites, user data (ratings) and playlists. */
final class MbWrites {
  /** Emby's {@code DatePlayed} format (taken as UTC). */
  static final DateTimeFormatter EMBY_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final ServerDialect dialect;
  private final MbLibrary library;
  private final MbJson json;
  private final Clock clock;

  MbWrites(ServerDialect dialect, MbLibrary library, MbJson json, Clock clock) {
    this.dialect = dialect;
    this.library = library;
    this.json = json;
    this.clock = clock;
  }

  FakeResponse played(MbUser user, MbItem item, FakeRequest request, boolean played) {
    if (!played) {
      user.markUnplayed(item);
      return MbJson.ok(json.userData(item, user));
    }
    Optional<String> raw = MbJson.param(request, "DatePlayed");
    Instant at;
    try {
      at = raw.filter(s -> !s.isBlank()).map(this::parseDate).orElse(clock.instant());
    } catch (DateTimeParseException e) {
      return FakeResponse.error(400, "invalid DatePlayed: " + raw.orElse(""));
    }
    user.markPlayed(item, at);
    return MbJson.ok(json.userData(item, user));
  }

  FakeResponse favorite(MbUser user, MbItem item, boolean favorite) {
    user.setFavorite(item, favorite);
    return MbJson.ok(json.userData(item, user));
  }

  FakeResponse clearRating(MbUser user, MbItem item) {
    user.rate(item, null);
    return MbJson.ok(json.userData(item, user));
  }

  /**
   * Jellyfin changes only the fields sent; Emby is taken to replace the user data whole (fields
   * left out fall back to their defaults), so a client must send what it wants to keep.
   */
  FakeResponse userData(MbUser user, MbItem item, JsonNode body) {
    MbUserData d = dialect == ServerDialect.JELLYFIN ? user.userData(item) : MbUserData.NONE;
    boolean played = bool(body, "Played", d.played());
    int playCount =
        body.path("PlayCount").canConvertToInt() ? body.get("PlayCount").asInt() : d.playCount();
    Instant last = d.lastPlayedDate();
    if (body.path("LastPlayedDate").isString()) {
      last = parseIso(body.get("LastPlayedDate").asString());
    }
    boolean favorite = bool(body, "IsFavorite", d.favorite());
    Double rating =
        body.path("Rating").isNumber() ? Double.valueOf(body.get("Rating").asDouble()) : d.rating();
    long position =
        body.path("PlaybackPositionTicks").isNumber()
            ? body.get("PlaybackPositionTicks").asLong()
            : d.playbackPositionTicks();
    if (position < 0) {
      return FakeResponse.error(400, "PlaybackPositionTicks must not be negative");
    }
    user.replace(item, new MbUserData(played, playCount, last, favorite, rating, position));
    return dialect == ServerDialect.JELLYFIN
        ? MbJson.ok(json.userData(item, user))
        : MbJson.noContent();
  }

  FakeResponse createPlaylist(MbUser user, FakeRequest request) {
    String name = MbJson.param(request, "Name").orElse(null);
    List<String> ids = MbJson.listParam(request, "Ids");
    if (dialect == ServerDialect.JELLYFIN && !request.body().isBlank()) {
      JsonNode body = MbJson.MAPPER.readTree(request.body());
      name = body.path("Name").asString(name);
      List<String> fromBody = new java.util.ArrayList<>();
      body.path("Ids").forEach(id -> fromBody.add(id.asString()));
      ids = fromBody;
    }
    if (name == null || name.isBlank()) {
      return FakeResponse.error(400, "Name is required");
    }
    MbUser.Playlist p = user.createPlaylist(library.newId(), name);
    for (String id : ids) {
      p.add(entryId(id), MbJson.lower(id));
    }
    ObjectNode o = MbJson.NODES.objectNode();
    o.put("Id", p.id());
    return MbJson.ok(o);
  }

  FakeResponse addToPlaylist(MbUser.Playlist playlist, FakeRequest request) {
    for (String id : MbJson.listParam(request, "Ids")) {
      if (library.item(id).isEmpty()) {
        return FakeResponse.error(404, "item not found: " + id);
      }
      playlist.add(entryId(id), MbJson.lower(id));
    }
    return MbJson.noContent();
  }

  FakeResponse moveInPlaylist(MbUser.Playlist playlist, String entryId, String index) {
    if (!index.matches("\\d{1,9}")) {
      return FakeResponse.error(400, "invalid index: " + index);
    }
    return playlist.move(entryId, Integer.parseInt(index))
        ? MbJson.noContent()
        : FakeResponse.error(404, "playlist entry not found: " + entryId);
  }

  FakeResponse removeFromPlaylist(MbUser.Playlist playlist, FakeRequest request) {
    for (String entry : MbJson.listParam(request, "EntryIds")) {
      playlist.removeEntry(entry);
    }
    return MbJson.noContent();
  }

  /**
   * A new playlist entry's id: Jellyfin (10.9+) identifies an entry by its item's id (so an item is
   * held once), Emby gives each entry an id of its own.
   */
  private String entryId(String itemId) {
    return dialect == ServerDialect.JELLYFIN ? MbJson.lower(itemId) : library.newId();
  }

  private Instant parseDate(String raw) {
    if (dialect == ServerDialect.EMBY) {
      return LocalDateTime.parse(raw, EMBY_DATE).toInstant(ZoneOffset.UTC);
    }
    return parseIso(raw);
  }

  private static Instant parseIso(String raw) {
    return OffsetDateTime.parse(raw).toInstant();
  }

  private static boolean bool(JsonNode body, String field, boolean otherwise) {
    JsonNode v = body.get(field);
    return v != null && v.isBoolean() ? v.booleanValue() : otherwise;
  }
}
