package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A fake server of one dialect and providers pointed at it, for the adapter's tests. */
final class MediaBrowserTestbed implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  final FakeTime time = FakeTime.standard();
  final FakeMediaBrowserServer server;
  final RecordingLog log = new RecordingLog();

  MediaBrowserTestbed(
      ServerDialect dialect, UnaryOperator<FakeMediaBrowserServer.Builder> configure) {
    this.server =
        configure.apply(FakeMediaBrowserServer.builder(dialect).clock(time)).build().start();
  }

  MediaBrowserTestbed(ServerDialect dialect) {
    this(dialect, b -> b);
  }

  String name() {
    return server.dialect().name();
  }

  IdKind localKind() {
    return server.dialect() == ServerDialect.JELLYFIN ? IdKind.JELLYFIN : IdKind.EMBY;
  }

  /** The default settings: the fake's address, the default user's token and id. */
  ObjectNode settings() {
    ObjectNode s = JSON.createObjectNode();
    s.put("server", server.baseUrl());
    s.put("access_token", FakeMediaBrowserServer.ACCESS_TOKEN);
    s.put("user_id", server.user().id());
    s.put("timeout", 5);
    return s;
  }

  Provider provider() {
    return provider(s -> {});
  }

  Provider provider(Consumer<ObjectNode> tweak) {
    return provider(tweak, Path.of("."));
  }

  /** A provider with tweaked settings keeping its state in {@code stateDir}, as one run's would. */
  Provider provider(Consumer<ObjectNode> tweak, Path stateDir) {
    ObjectNode settings = settings();
    tweak.accept(settings);
    String block = name().toLowerCase(Locale.ROOT);
    ProviderContext context =
        new ProviderContext(
            name(), "default", settings, block, Path.of("."), stateDir, time, true, log);
    return factory().create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }

  MediaBrowserProviderFactory factory() {
    return server.dialect() == ServerDialect.JELLYFIN
        ? new JellyfinProviderFactory()
        : new EmbyProviderFactory();
  }

  /** {@code "GET /Items"} on Jellyfin, {@code "GET /Users/{id}/Items"} on Emby. */
  String itemsEndpoint() {
    return server.dialect() == ServerDialect.JELLYFIN
        ? "GET /Items"
        : "GET /Users/" + server.user().id() + "/Items";
  }

  static Item movie(int i) {
    return Item.movie(null, null, Ids.of(IdKind.IMDB, "tt" + (1000000 + i)));
  }

  static Item episode(int show, int season, int number) {
    return Item.episode(
        new ShowRef("Show " + show, null, Ids.of(IdKind.TVDB, 300000 + show)),
        season,
        number,
        null,
        Ids.empty());
  }

  @Override
  public void close() {
    server.close();
  }
}
