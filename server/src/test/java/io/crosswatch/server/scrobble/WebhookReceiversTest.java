package io.crosswatch.server.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleNotice;
import io.crosswatch.providers.file.FileProviderFactory;
import io.crosswatch.server.Json;
import io.crosswatch.server.Served;
import io.crosswatch.server.auth.WebhookSecrets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook receivers over real HTTP: their secret, the source they belong to, the body limit,
 * malformed bodies; and scrobbling's wiring in the service (watchers, restarts, warnings, log and
 * metrics), with a recording engine and stub servers.
 */
class WebhookReceiversTest {
  @TempDir Path dir;

  private final StubMediaServer plex = new StubMediaServer("PLEX");
  private final StubMediaServer jellyfin = new StubMediaServer("JELLYFIN");
  private final RecordingScrobblers engine = new RecordingScrobblers();
  private Served served;

  @AfterEach
  void stop() {
    if (served != null) {
      served.close();
    }
  }

  private static String config(String scrobble) {
    return """
        {"file": {"path": "library.json"},
         "plex": {"instances": {"second": {}}},
         "jellyfin": {},
         "trakt": {},
         "pairs": [],
         "scrobble": %s}
        """
        .formatted(scrobble);
  }

  private static final String WEBHOOKS =
      """
      {"enabled": true,
       "sources": [{"provider": "PLEX", "via": "webhook", "users": ["alice"]},
                   {"provider": "PLEX", "instance": "second", "via": "webhook", "users": ["bob"]},
                   {"provider": "JELLYFIN", "via": "watch", "users": ["carol"]}],
       "sinks": [{"provider": "TRAKT"}]}
      """;

  private Served serve(String scrobble) {
    served =
        new Served(
            dir,
            config(scrobble),
            0,
            ProviderRegistry.of(
                new FileProviderFactory(), plex, jellyfin, new StubTracker("TRAKT")),
            engine);
    return served;
  }

  private String secret(String provider, String instance) {
    return new WebhookSecrets(served.stateDir).secret(provider, instance, Instant.EPOCH);
  }

  private HttpResponse<String> post(String path, String body) {
    return served.send("POST", path, body, "Content-Type", "application/json");
  }

  @Test
  void aWebhookWithItsSecretReachesTheScrobblerAndIsAnsweredAtOnce() {
    serve(WEBHOOKS);
    String token = secret("PLEX", "default");

    HttpResponse<String> r =
        post(
            "/webhook/plex?token=" + token,
            StubMediaServer.webhook("alice", "The Matrix", PlaybackState.PLAYING, 3));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"reports\":1}");
    PlaybackEvent event = engine.last().events.get(0);
    assertThat(event.source()).isEqualTo("PLEX");
    assertThat(event.instance()).isEqualTo("default");
    assertThat(event.user()).isEqualTo("alice");
    assertThat(event.state()).isEqualTo(PlaybackState.PLAYING);
    assertThat(engine.last().wiring.sinks()).containsOnlyKeys("TRAKT:default");
    assertThat(engine.last().wiring.stateDir()).isEqualTo(served.stateDir);
  }

  @Test
  void theInstanceParameterPicksTheSourceAndItsOwnSecret() {
    serve(WEBHOOKS);
    String first = secret("PLEX", "default");
    String second = secret("PLEX", "second");
    String body = StubMediaServer.webhook("bob", "Heat", PlaybackState.STOPPED, 95);

    HttpResponse<String> withFirstSecret =
        post("/webhook/plex?instance=second&token=" + first, body);
    HttpResponse<String> withItsSecret =
        post("/webhook/plex?instance=second&token=" + second, body);

    assertThat(withFirstSecret.statusCode()).isEqualTo(401);
    assertThat(withItsSecret.statusCode()).isEqualTo(200);
    assertThat(engine.events()).extracting(PlaybackEvent::instance).containsExactly("second");
  }

  @Test
  void aMissingOrWrongSecretAnswers401AndNothingIsReadOrRecorded() {
    serve(WEBHOOKS);
    String token = secret("PLEX", "default");
    String body = StubMediaServer.webhook("alice", "The Matrix", PlaybackState.STOPPED, 95);

    HttpResponse<String> missing = post("/webhook/plex", body);
    HttpResponse<String> wrong = post("/webhook/plex?token=" + token.substring(0, 10) + "x", body);
    HttpResponse<String> otherSource = post("/webhook/jellyfin?token=" + token, body);

    for (HttpResponse<String> r : List.of(missing, wrong, otherSource)) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).startsWith("{\"error\":").contains("cw web webhooks");
      assertThat(r.body()).doesNotContain(token);
    }
    assertThat(plex.parsed).hasValue(0);
    assertThat(engine.events()).isEmpty();
  }

  @Test
  void aSourceThatIsNotAConfiguredWebhookSourceAnswers404() {
    serve(WEBHOOKS);
    String watched = secret("JELLYFIN", "default");
    String unknownInstance = secret("PLEX", "third");

    HttpResponse<String> viaWatch =
        post(
            "/webhook/jellyfin?token=" + watched,
            StubMediaServer.webhook("carol", "X", PlaybackState.PLAYING, 1));
    HttpResponse<String> notConfigured =
        post(
            "/webhook/plex?instance=third&token=" + unknownInstance,
            StubMediaServer.webhook("alice", "X", PlaybackState.PLAYING, 1));

    assertThat(viaWatch.statusCode()).isEqualTo(404);
    assertThat(viaWatch.body()).contains("JELLYFIN:default is not a webhook source");
    assertThat(notConfigured.statusCode()).isEqualTo(404);
    assertThat(engine.events()).isEmpty();
  }

  @Test
  void withScrobblingDisabledEveryWebhookAnswers404() {
    serve(WEBHOOKS.replace("\"enabled\": true", "\"enabled\": false"));
    String token = secret("PLEX", "default");

    HttpResponse<String> r =
        post(
            "/webhook/plex?token=" + token,
            StubMediaServer.webhook("alice", "X", PlaybackState.PLAYING, 1));

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(engine.built).isEmpty();
    assertThat(plex.built).hasValue(0);
  }

  @Test
  void aBodyOver1MbOrOneTheServerCannotReadAnswers400WithoutQuotingIt() {
    serve(WEBHOOKS);
    String token = secret("PLEX", "default");
    String huge = "{\"user\": \"alice\", \"pad\": \"" + "x".repeat(1_000_001) + "\"}";

    HttpResponse<String> oversized = post("/webhook/plex?token=" + token, huge);
    HttpResponse<String> malformed =
        post("/webhook/plex?token=" + token, "not json, password=hunter22");

    assertThat(oversized.statusCode()).isEqualTo(400);
    assertThat(oversized.body()).contains("larger than 1000000 bytes");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body())
        .contains("PLEX:default cannot be read: the body is not JSON")
        .doesNotContain("hunter22");
    assertThat(engine.events()).isEmpty();
  }

  @Test
  void aWebhookWithoutPlaybackReportsIsAnsweredAndRecordsNothing() {
    serve(WEBHOOKS);
    String token = secret("PLEX", "default");

    HttpResponse<String> r = post("/webhook/plex?token=" + token, "{\"event\": \"library.new\"}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"reports\":0}");
    assertThat(engine.events()).isEmpty();
  }

  @Test
  void watchedSourcesReportThroughTheirWatcherWhichStopsWithTheService() {
    serve(WEBHOOKS);
    assertThat(jellyfin.watchers).hasSize(1);
    PlaybackEvent event =
        new PlaybackEvent(
            "JELLYFIN",
            "default",
            "carol",
            "s1",
            Item.movie("Heat", 1995, io.crosswatch.core.model.Ids.empty()),
            PlaybackState.PLAYING,
            10,
            Instant.parse("2026-03-01T10:00:00Z"),
            "watch");

    jellyfin.watchers.get(0).accept(event);
    served.close();

    assertThat(engine.last().events).containsExactly(event);
    assertThat(jellyfin.watchersClosed).hasValue(1);
    assertThat(engine.last().closed).isTrue();
    assertThat(plex.closed.get()).isEqualTo(plex.built.get()).isEqualTo(2);
    served = null;
  }

  @Test
  void savingAChangedScrobbleBlockRestartsScrobblingWithTheNewSettings() {
    serve(WEBHOOKS);
    String cookie = served.login();
    String token = secret("PLEX", "default");
    RecordingScrobblers.Recording first = engine.last();
    ObjectNode doc =
        (ObjectNode)
            Json.MAPPER.readTree(served.send("GET", "/api/config", null, "Cookie", cookie).body());
    ObjectNode source = (ObjectNode) doc.get("scrobble").get("sources").get(0);
    source.putArray("users").add("alice").add("dave");

    HttpResponse<String> saved =
        served.send("PUT", "/api/config", doc.toString(), "Cookie", cookie);
    post(
        "/webhook/plex?token=" + token,
        StubMediaServer.webhook("dave", "X", PlaybackState.PLAYING, 1));

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(engine.built).hasSize(2);
    assertThat(first.closed).isTrue();
    assertThat(engine.last().wiring.settings().sources().get(0).users())
        .containsExactly("alice", "dave");
    assertThat(engine.last().events).hasSize(1);
    assertThat(jellyfin.watchers).as("the old watcher stopped, the new one runs").hasSize(1);
  }

  @Test
  void savingAConfigThatLeavesScrobblingAsItIsKeepsItRunning() {
    serve(WEBHOOKS);
    String cookie = served.login();
    JsonNode doc =
        Json.MAPPER.readTree(served.send("GET", "/api/config", null, "Cookie", cookie).body());
    ((ObjectNode) doc).putObject("runtime").put("apply_chunk_size", 7);

    served.send("PUT", "/api/config", doc.toString(), "Cookie", cookie);

    assertThat(engine.built).hasSize(1);
    assertThat(engine.last().closed).isFalse();
  }

  @Test
  void aSourceThatCannotBeBuiltIsAWarningAndTheRestScrobbles() {
    String broken =
        config(WEBHOOKS).replace("\"jellyfin\": {}", "\"jellyfin\": {\"broken\": true}");
    served =
        new Served(
            dir,
            broken,
            0,
            ProviderRegistry.of(
                new FileProviderFactory(), plex, jellyfin, new StubTracker("TRAKT")),
            engine);
    String cookie = served.login();

    JsonNode status =
        Json.MAPPER.readTree(served.send("GET", "/api/scrobble", null, "Cookie", cookie).body());
    HttpResponse<String> r =
        post(
            "/webhook/plex?token=" + secret("PLEX", "default"),
            StubMediaServer.webhook("alice", "X", PlaybackState.PLAYING, 1));

    assertThat(status.get("running").asBoolean()).isTrue();
    assertThat(status.get("warnings").toString())
        .contains(
            "JELLYFIN:default could not be set up, its scrobbles are off: the server address is missing");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(served.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void anEngineThatCannotStartIsAWarningAndWebhooksAnswer503() {
    engine.fail = "the state database is locked";
    serve(WEBHOOKS);
    String cookie = served.login();

    JsonNode status =
        Json.MAPPER.readTree(served.send("GET", "/api/scrobble", null, "Cookie", cookie).body());
    HttpResponse<String> r =
        post(
            "/webhook/plex?token=" + secret("PLEX", "default"),
            StubMediaServer.webhook("alice", "X", PlaybackState.PLAYING, 1));

    assertThat(status.get("enabled").asBoolean()).isTrue();
    assertThat(status.get("running").asBoolean()).isFalse();
    assertThat(status.get("warnings").toString())
        .contains("the scrobbling engine could not start: the state database is locked");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(plex.closed.get())
        .as("the providers built for it are closed")
        .isEqualTo(plex.built.get());
  }

  @Test
  void aWarningQuotingAKnownSecretShowsItMaskedInTheApiAndThe503() {
    String secret = "sk-scrobble-warning-7f3a9c2e";
    KnownSecrets.add(secret);
    engine.fail = "cannot open the queue with key " + secret;
    serve(WEBHOOKS);
    String cookie = served.login();

    String status = served.send("GET", "/api/scrobble", null, "Cookie", cookie).body();
    HttpResponse<String> r =
        post(
            "/webhook/plex?token=" + secret("PLEX", "default"),
            StubMediaServer.webhook("alice", "X", PlaybackState.PLAYING, 1));

    assertThat(status).contains("cannot open the queue with key ***").doesNotContain(secret);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("with key ***").doesNotContain(secret);
  }

  @Test
  void noticesGoToTheJsonlLogTheMetricsAndTheApiWithoutSecrets() throws Exception {
    serve(WEBHOOKS);
    String cookie = served.login();
    String token = secret("PLEX", "default");
    Item matrix = Item.movie("The Matrix", 1999, io.crosswatch.core.model.Ids.empty());
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    post(
        "/webhook/plex?token=" + token,
        StubMediaServer.webhook("alice", "The Matrix", PlaybackState.STOPPED, 95));
    engine
        .last()
        .notice(
            new ScrobbleNotice(
                "scrobble:stop", at, "PLEX", "alice", matrix, null, ScrobbleAction.STOP, 95, null));
    engine
        .last()
        .notice(
            new ScrobbleNotice(
                "scrobble:queued",
                at,
                "PLEX",
                "alice",
                matrix,
                "TRAKT:default",
                ScrobbleAction.STOP,
                95,
                "503, retry in 30 s"));
    engine
        .last()
        .notice(
            new ScrobbleNotice(
                "scrobble:sent",
                at,
                "PLEX",
                "alice",
                matrix,
                "TRAKT:default",
                ScrobbleAction.STOP,
                95,
                "sent"));

    List<String> lines = Files.readAllLines(ScrobbleLog.file(served.stateDir));
    String metrics = served.send("GET", "/metrics", null, "Cookie", cookie).body();
    JsonNode api =
        Json.MAPPER.readTree(served.send("GET", "/api/scrobble", null, "Cookie", cookie).body());

    assertThat(lines).hasSize(3);
    assertThat(Json.MAPPER.readTree(lines.get(0)))
        .isEqualTo(
            Json.MAPPER.readTree(
                """
                {"event": "scrobble:stop", "ts": "2026-03-01T10:00:00Z", "source": "PLEX",
                 "user": "alice", "title": "The Matrix (1999)", "sink": null, "action": "stop",
                 "progress": 95.0}
                """));
    assertThat(Json.MAPPER.readTree(lines.get(2)).get("sink").asString())
        .isEqualTo("TRAKT:default");
    assertThat(String.join("\n", lines)).doesNotContain(token);
    assertThat(metrics)
        .contains("crosswatch_scrobble_events_total{event=\"stop\",source=\"PLEX\"} 1.0")
        .contains(
            "crosswatch_scrobble_calls_total{action=\"stop\",outcome=\"queued\",sink=\"TRAKT:default\"} 1.0")
        .contains(
            "crosswatch_scrobble_calls_total{action=\"stop\",outcome=\"sent\",sink=\"TRAKT:default\"} 1.0")
        .contains("crosswatch_webhooks_total{source=\"plex\",status=\"200\"} 1.0")
        .contains("crosswatch_scrobble_queue_pending 0.0");
    assertThat(api.get("recent").get(0).get("event").asString()).isEqualTo("scrobble:sent");
    assertThat(api.toString()).doesNotContain(token);
  }
}
