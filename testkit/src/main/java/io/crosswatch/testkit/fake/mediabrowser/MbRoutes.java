package io.crosswatch.testkit.fake.mediabrowser;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps an authenticated request to the fake's reads and writes. Jellyfin's 10.9 paths ({@code
 * /UserPlayedItems/{id}?userId=}, {@code /Items?userId=}, …) are folded onto the user-scoped ones
 * ({@code /Users/{userId}/PlayedItems/{id}}) that both dialects serve.
 */
final class MbRoutes {
  private static final Pattern FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final ServerDialect dialect;
  private final MbLibrary library;
  private final MbReads reads;
  private final MbWrites writes;
  private final String serverId;

  MbRoutes(
      ServerDialect dialect, MbLibrary library, MbReads reads, MbWrites writes, String serverId) {
    this.dialect = dialect;
    this.library = library;
    this.reads = reads;
    this.writes = writes;
    this.serverId = serverId;
  }

  FakeResponse route(MbUser user, FakeRequest request, String[] segs) {
    if (segs.length == 0) {
      return notFound();
    }
    if (request.method().equals("GET") && String.join("/", segs).equals("System/Info")) {
      return systemInfo(dialect, serverId, true);
    }
    if (segs[0].equals("Playlists")) {
      return playlists(user, request, segs);
    }
    if (segs[0].equals("Users") && segs.length == 2 && request.method().equals("GET")) {
      return segs[1].equalsIgnoreCase(user.id())
          ? MbJson.ok(MbJson.NODES.objectNode().put("Name", user.name()).put("Id", user.id()))
          : FakeResponse.error(404, "user not found");
    }
    String[] rest;
    if (segs[0].equals("Users") && segs.length >= 3) {
      if (!segs[1].equalsIgnoreCase(user.id())) {
        return FakeResponse.error(403, "user mismatch");
      }
      rest = Arrays.copyOfRange(segs, 2, segs.length);
    } else if (dialect == ServerDialect.JELLYFIN) {
      Optional<String> userId = MbJson.param(request, "userId");
      if (userId.isPresent() && !userId.get().equalsIgnoreCase(user.id())) {
        return FakeResponse.error(403, "user mismatch");
      }
      rest = jellyfinPath(segs);
    } else {
      return notFound();
    }
    return rest == null ? notFound() : userRoute(user, request, rest);
  }

  private static String[] jellyfinPath(String[] segs) {
    switch (segs[0]) {
      case "Items":
        return segs.length == 1 ? segs : null;
      case "UserViews":
        return new String[] {"Views"};
      case "UserPlayedItems":
        return segs.length == 2 ? new String[] {"PlayedItems", segs[1]} : null;
      case "UserFavoriteItems":
        return segs.length == 2 ? new String[] {"FavoriteItems", segs[1]} : null;
      case "UserItems":
        return segs.length == 3 ? new String[] {"Items", segs[1], segs[2]} : null;
      default:
        return null;
    }
  }

  private FakeResponse userRoute(MbUser user, FakeRequest request, String[] rest) {
    String method = request.method();
    if (rest.length == 1 && method.equals("GET")) {
      if (rest[0].equals("Items")) {
        return reads.items(user, request);
      }
      return rest[0].equals("Views") ? reads.views(user) : notFound();
    }
    if (rest.length < 2) {
      return notFound();
    }
    Optional<MbItem> item = library.item(rest[1]);
    if (item.isEmpty()) {
      return FakeResponse.error(404, "item not found: " + rest[1]);
    }
    boolean post = method.equals("POST");
    boolean delete = method.equals("DELETE");
    String what = rest.length == 2 ? rest[0] : rest[0] + "/" + rest[2];
    switch (what) {
      case "PlayedItems":
        return post || delete ? writes.played(user, item.get(), request, post) : notAllowed();
      case "FavoriteItems":
        return post || delete ? writes.favorite(user, item.get(), post) : notAllowed();
      case "Items/UserData":
        if (!post) {
          return notAllowed();
        }
        JsonNode body = MbJson.MAPPER.readTree(request.body().isBlank() ? "{}" : request.body());
        return writes.userData(user, item.get(), body);
      case "Items/Rating":
        return delete ? writes.clearRating(user, item.get()) : notAllowed();
      default:
        return notFound();
    }
  }

  private FakeResponse playlists(MbUser user, FakeRequest request, String[] segs) {
    if (segs.length == 1) {
      return request.method().equals("POST") ? writes.createPlaylist(user, request) : notAllowed();
    }
    boolean move = segs.length == 6 && segs[2].equals("Items") && segs[4].equals("Move");
    if (!move && (segs.length != 3 || !segs[2].equals("Items"))) {
      return notFound();
    }
    Optional<MbUser.Playlist> playlist = user.playlist(segs[1]);
    if (playlist.isEmpty()) {
      return FakeResponse.error(404, "playlist not found: " + segs[1]);
    }
    if (move) {
      return request.method().equals("POST")
          ? writes.moveInPlaylist(playlist.get(), segs[3], segs[5])
          : notAllowed();
    }
    switch (request.method()) {
      case "GET":
        return reads.playlistItems(user, playlist.get(), request);
      case "POST":
        return writes.addToPlaylist(playlist.get(), request);
      case "DELETE":
        return writes.removeFromPlaylist(playlist.get(), request);
      default:
        return notAllowed();
    }
  }

  static FakeResponse systemInfo(ServerDialect dialect, String serverId, boolean full) {
    ObjectNode o = MbJson.NODES.objectNode();
    o.put("ServerName", "fake-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
    o.put("Version", dialect.version());
    o.put("ProductName", dialect.productName());
    o.put("Id", serverId);
    if (full) {
      o.put("OperatingSystem", "Linux");
    }
    return MbJson.ok(o);
  }

  static FakeResponse loginAnswer(MbUser user, String token, String serverId, String deviceId) {
    ObjectNode o = MbJson.NODES.objectNode();
    ObjectNode u = o.putObject("User");
    u.put("Name", user.name());
    u.put("ServerId", serverId);
    u.put("Id", user.id());
    o.putObject("SessionInfo").put("DeviceId", deviceId).put("UserId", user.id());
    o.put("AccessToken", token);
    o.put("ServerId", serverId);
    return MbJson.ok(o);
  }

  /** The {@code Token="…"} of a {@code MediaBrowser …} authorization header. */
  static Optional<String> tokenOf(String header) {
    return header.startsWith("MediaBrowser ") ? field(header, "Token") : Optional.empty();
  }

  /** One {@code Name="value"} field of a {@code MediaBrowser …} header. */
  static Optional<String> field(String header, String name) {
    Matcher m = FIELD.matcher(header);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(name) && !m.group(2).isEmpty()) {
        return Optional.of(m.group(2));
      }
    }
    return Optional.empty();
  }

  private static FakeResponse notFound() {
    return FakeResponse.error(404, "not found");
  }

  private static FakeResponse notAllowed() {
    return FakeResponse.error(405, "method not allowed");
  }
}
