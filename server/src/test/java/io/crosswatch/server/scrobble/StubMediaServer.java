package io.crosswatch.server.scrobble;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackSource;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.testkit.BareProvider;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A media server for tests: its webhooks are JSON {@code {"user", "title", "imdb", "state",
 * "progress"}} (an object without {@code user} holds no report; anything not JSON is malformed),
 * and its watchers are handed out to the test, which reports through them. Settings {@code
 * {"broken": true}} make the instance fail to build.
 */
final class StubMediaServer implements ProviderFactory {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String name;
  final List<Consumer<PlaybackEvent>> watchers = new CopyOnWriteArrayList<>();
  final AtomicInteger watchersClosed = new AtomicInteger();
  final AtomicInteger parsed = new AtomicInteger();
  final AtomicInteger built = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();

  StubMediaServer(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return Set.of(ScrobbleRole.SOURCE);
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return List.of();
  }

  @Override
  public Provider create(ProviderContext context) throws ProviderException {
    if (context.settings().path("broken").asBoolean(false)) {
      throw new IllegalStateException("the server address is missing");
    }
    built.incrementAndGet();
    return new Instance(context.instance());
  }

  /** A webhook body this server's parser reads. */
  static String webhook(String user, String title, PlaybackState state, double progress) {
    return "{\"user\": \""
        + user
        + "\", \"title\": \""
        + title
        + "\", \"imdb\": \"tt0133093\", \"state\": \""
        + state
        + "\", \"progress\": "
        + progress
        + "}";
  }

  private final class Instance extends BareProvider implements PlaybackSource {
    private final String instance;

    Instance(String instance) {
      super(name, instance);
      this.instance = instance;
    }

    @Override
    public java.util.Optional<PlaybackSource> playbackSource() {
      return java.util.Optional.of(this);
    }

    @Override
    public List<PlaybackEvent> parseWebhook(String contentType, byte[] body)
        throws MalformedWebhookException {
      parsed.incrementAndGet();
      JsonNode node;
      try {
        node = JSON.readTree(body);
      } catch (JacksonException e) {
        throw new MalformedWebhookException("the body is not JSON");
      }
      if (!node.isObject()) {
        throw new MalformedWebhookException("the body is not a JSON object");
      }
      if (!node.has("user")) {
        return List.of();
      }
      Item item =
          Item.movie(
              node.path("title").asString("?"),
              1999,
              Ids.of(IdKind.IMDB, node.path("imdb").asString("")));
      return List.of(
          new PlaybackEvent(
              name,
              instance,
              node.path("user").asString(),
              "session-1",
              item,
              PlaybackState.valueOf(node.path("state").asString("PLAYING")),
              node.path("progress").asDouble(0),
              Instant.parse("2026-03-01T10:00:00Z"),
              "webhook"));
    }

    @Override
    public AutoCloseable watch(Consumer<PlaybackEvent> events) {
      watchers.add(events);
      return () -> {
        watchers.remove(events);
        watchersClosed.incrementAndGet();
      };
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
