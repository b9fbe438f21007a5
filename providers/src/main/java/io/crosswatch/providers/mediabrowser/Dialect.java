package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.providers.http.ApiRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What differs between the two MediaBrowser servers: auth headers and the paths of the same
 * operations. Jellyfin 10.9+ moved user-scoped routes to {@code userId} query parameters (the old
 * {@code /Users/{userId}/…} ones are obsolete and go away in 12); Emby keeps {@code
 * /Users/{userId}/…} and may serve everything under an {@code /emby} prefix.
 */
enum Dialect {
  JELLYFIN("JELLYFIN", "Jellyfin", IdKind.JELLYFIN),
  EMBY("EMBY", "Emby", IdKind.EMBY);

  /** The client name and version servers see (in their device lists). */
  static final String CLIENT = "crosswatch";

  static final String CLIENT_VERSION = "0.1.0";

  /** Emby's {@code DatePlayed} format; the value is sent in UTC. */
  private static final DateTimeFormatter EMBY_DATE =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final String providerName;
  private final String product;
  private final IdKind localKind;

  Dialect(String providerName, String product, IdKind localKind) {
    this.providerName = providerName;
    this.product = product;
    this.localKind = localKind;
  }

  String providerName() {
    return providerName;
  }

  /** The product name for messages, e.g. {@code Jellyfin}. */
  String product() {
    return product;
  }

  /** The lower-case config block name, e.g. {@code jellyfin}. */
  String blockName() {
    return providerName.toLowerCase(Locale.ROOT);
  }

  /** The provider-local id kind this server's item ids are stored under. */
  IdKind localKind() {
    return localKind;
  }

  /** {@code MediaBrowser Client="…", Device="…", DeviceId="…", Version="…"[, Token="…"]}. */
  static String identity(String deviceId, String token) {
    StringBuilder sb =
        new StringBuilder("MediaBrowser Client=\"")
            .append(CLIENT)
            .append("\", Device=\"")
            .append(CLIENT)
            .append("\", DeviceId=\"")
            .append(quoteSafe(deviceId))
            .append("\", Version=\"")
            .append(CLIENT_VERSION)
            .append('"');
    if (token != null && !token.isEmpty()) {
      sb.append(", Token=\"").append(quoteSafe(token)).append('"');
    }
    return sb.toString();
  }

  /** The header that identifies the client at login (and, on Jellyfin, carries the token). */
  String identityHeader() {
    return this == JELLYFIN ? "Authorization" : "X-Emby-Authorization";
  }

  /** The library items of a user (one page is asked for with StartIndex/Limit). */
  ApiRequest items(String userId) {
    return this == JELLYFIN
        ? ApiRequest.get("/Items").withQuery("userId", userId)
        : ApiRequest.get("/Users/" + userId + "/Items");
  }

  /** The user's libraries (views). */
  ApiRequest views(String userId) {
    return this == JELLYFIN
        ? ApiRequest.get("/UserViews").withQuery("userId", userId)
        : ApiRequest.get("/Users/" + userId + "/Views");
  }

  /** Marks an item played at {@code at} (the server's now when {@code null}), or unplayed. */
  ApiRequest played(String userId, String itemId, Instant at, boolean played) {
    if (this == JELLYFIN) {
      String path = "/UserPlayedItems/" + itemId;
      ApiRequest r = played ? ApiRequest.post(path, null) : ApiRequest.delete(path);
      r = r.withQuery("userId", userId);
      return played && at != null
          ? r.withQuery("datePlayed", at.truncatedTo(ChronoUnit.MILLIS).toString())
          : r;
    }
    String path = "/Users/" + userId + "/PlayedItems/" + itemId;
    if (!played) {
      return ApiRequest.delete(path);
    }
    ApiRequest r = ApiRequest.post(path, null);
    return at == null ? r : r.withQuery("DatePlayed", EMBY_DATE.format(at));
  }

  /** Marks an item favourite, or not. */
  ApiRequest favorite(String userId, String itemId, boolean favorite) {
    String path =
        this == JELLYFIN
            ? "/UserFavoriteItems/" + itemId
            : "/Users/" + userId + "/FavoriteItems/" + itemId;
    ApiRequest r = favorite ? ApiRequest.post(path, null) : ApiRequest.delete(path);
    return this == JELLYFIN ? r.withQuery("userId", userId) : r;
  }

  /** Posts user data (a JSON object) for an item. */
  ApiRequest userData(String userId, String itemId, String body) {
    return this == JELLYFIN
        ? ApiRequest.post("/UserItems/" + itemId + "/UserData", body).withQuery("userId", userId)
        : ApiRequest.post("/Users/" + userId + "/Items/" + itemId + "/UserData", body);
  }

  /** Clears the user's rating of an item. */
  ApiRequest clearRating(String userId, String itemId) {
    return this == JELLYFIN
        ? ApiRequest.delete("/UserItems/" + itemId + "/Rating").withQuery("userId", userId)
        : ApiRequest.delete("/Users/" + userId + "/Items/" + itemId + "/Rating");
  }

  /** One user, to check that the token belongs to {@code user_id}. */
  ApiRequest user(String userId) {
    return ApiRequest.get("/Users/" + userId);
  }

  /**
   * Creates a video playlist of the user holding {@code itemIds}: Jellyfin takes a JSON body (its
   * query parameters are obsolete), Emby query parameters. Not repeatable: a repeat after an
   * unclear failure could leave two playlists of one name.
   */
  ApiRequest createPlaylist(String userId, String name, java.util.List<String> itemIds) {
    if (this == JELLYFIN) {
      tools.jackson.databind.node.ObjectNode body = MediaBrowserApi.MAPPER.createObjectNode();
      body.put("Name", name);
      tools.jackson.databind.node.ArrayNode ids = body.putArray("Ids");
      itemIds.forEach(ids::add);
      body.put("UserId", userId);
      body.put("MediaType", "Video");
      return ApiRequest.post("/Playlists", body.toString()).notRepeatable();
    }
    ApiRequest r =
        ApiRequest.post("/Playlists", null)
            .withQuery("Name", name)
            .withQuery("UserId", userId)
            .withQuery("MediaType", "Video");
    return (itemIds.isEmpty() ? r : r.withQuery("Ids", String.join(",", itemIds))).notRepeatable();
  }

  /** The query parameter names of playlist calls (Jellyfin documents them lower camel case). */
  String param(String name) {
    if (this == EMBY) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String quoteSafe(String value) {
    return value.replace("\"", "");
  }
}
