package io.crosswatch.server.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.server.Json;
import io.crosswatch.server.Served;
import io.crosswatch.server.auth.WebhookSecrets;
import io.crosswatch.testkit.fake.MultipartBody;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Plex, Jellyfin and Emby webhooks of the shapes the servers post, through the service's receivers,
 * its scrobbling engine and the real providers, to a fake Trakt: what reaches Trakt, once.
 */
class ScrobblingEndToEndTest {
  /** One tick is 100 ns; the fixtures' title runs 8,160 s. */
  private static final long RUNTIME_TICKS = 81_600_000_000L;

  private static final long RUNTIME_MS = 8_160_000L;

  @TempDir Path dir;
  private FakeTraktServer trakt;
  private TraktTitle matrix;
  private Served served;

  private String config;

  @BeforeEach
  void start() {
    trakt = FakeTraktServer.builder().writeInterval(Duration.ZERO).build().start();
    matrix = trakt.catalogue().addMovie("The Matrix", 1999, 481, "tt0133093", 603L);
    config =
        """
        {"plex": {"instances": {"den": {}}}, "jellyfin": {"server": "http://127.0.0.1:9"},
         "emby": {"server": "http://127.0.0.1:9"},
         "trakt": {"client_id": "%s", "access_token": "%s", "base_url": "%s"},
         "pairs": [],
         "scrobble": {"enabled": true,
           "sources": [{"provider": "PLEX", "via": "webhook", "users": ["alice"]},
                       {"provider": "JELLYFIN", "via": "webhook", "users": ["bob"]},
                       {"provider": "EMBY", "via": "webhook", "users": ["carol"]},
                       {"provider": "PLEX", "instance": "den", "via": "watch", "users": ["dan"]}],
           "sinks": [{"provider": "TRAKT"}]}}
        """
            .formatted(FakeTraktServer.CLIENT_ID, FakeTraktServer.ACCESS_TOKEN, trakt.baseUrl());
    served = new Served(dir, config, 0, ProviderRegistry.load());
  }

  @AfterEach
  void stop() {
    served.close();
    trakt.close();
  }

  private HttpResponse<String> plex(String event, String user, double percent) {
    String json =
        fixture(
            "plex.json",
            Map.of(
                "event",
                event,
                "user",
                user,
                "viewOffset",
                "" + Math.round(RUNTIME_MS * percent / 100)));
    MultipartBody body = MultipartBody.of("payload", json);
    return served.send(
        "POST",
        "/webhook/plex?token=" + secret("PLEX"),
        new String(body.bytes(), StandardCharsets.UTF_8),
        "Content-Type",
        body.contentType());
  }

  private HttpResponse<String> jellyfin(String event, String user, double percent, boolean paused) {
    String json =
        fixture(
            "jellyfin.json",
            Map.of(
                "event",
                event,
                "user",
                user,
                "positionTicks",
                "" + Math.round(RUNTIME_TICKS * percent / 100),
                "paused",
                "" + paused));
    return served.send(
        "POST",
        "/webhook/jellyfin?token=" + secret("JELLYFIN"),
        json,
        "Content-Type",
        "application/json");
  }

  private HttpResponse<String> emby(String event, String user, double percent) {
    String json =
        fixture(
            "emby.json",
            Map.of(
                "event", event,
                "user", user,
                "positionTicks", "" + Math.round(RUNTIME_TICKS * percent / 100)));
    return served.send(
        "POST", "/webhook/emby?token=" + secret("EMBY"), json, "Content-Type", "application/json");
  }

  private String secret(String provider) {
    return new WebhookSecrets(served.stateDir).secret(provider, "default", Instant.EPOCH);
  }

  private static String fixture(String name, Map<String, String> values) {
    try (InputStream in = ScrobblingEndToEndTest.class.getResourceAsStream("/webhooks/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> e : values.entrySet()) {
        text = text.replace("${" + e.getKey() + "}", e.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (at most 30 s) for the background sender to get there. */
  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Waits until the engine's queue is empty, so that nothing more will reach Trakt. */
  private void settled() throws InterruptedException {
    String cookie = served.login();
    await(
        "the scrobble queue is empty",
        () ->
            served
                .send("GET", "/metrics", null, "Cookie", cookie)
                .body()
                .contains("crosswatch_scrobble_queue_pending 0.0"));
  }

  @Test
  void aPlexPlaySendsAStartToTrakt() throws Exception {
    HttpResponse<String> r = plex("media.play", "alice", 0);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    await("the start", () -> trakt.count("POST /scrobble/start") == 1);
    settled();
    assertThat(trakt.user().plays()).isEmpty();
    String cookie = served.login();
    JsonNode status =
        Json.MAPPER.readTree(served.send("GET", "/api/scrobble", null, "Cookie", cookie).body());
    assertThat(status.get("now_playing").get(0).get("title").asString())
        .isEqualTo("The Matrix (1999)");
    assertThat(status.get("now_playing").get(0).get("user").asString()).isEqualTo("alice");
  }

  @Test
  void aJellyfinStopAt95PercentIsOnePlayOnTrakt() throws Exception {
    jellyfin("PlaybackStart", "bob", 0, false);
    jellyfin("PlaybackProgress", "bob", 50, false);
    HttpResponse<String> stop = jellyfin("PlaybackStop", "bob", 95, false);

    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    await("the play", () -> trakt.user().plays().size() == 1);
    settled();
    assertThat(trakt.user().plays()).hasSize(1);
    assertThat(trakt.user().plays().get(0).title()).isEqualTo(matrix);
    assertThat(trakt.count("POST /scrobble/stop")).isEqualTo(1);
  }

  @Test
  void anEmbyStopAt30PercentIsAPauseNotAPlay() throws Exception {
    emby("playback.start", "carol", 0);
    HttpResponse<String> stop = emby("playback.stop", "carol", 30);

    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    await("the pause", () -> trakt.count("POST /scrobble/pause") == 1);
    settled();
    assertThat(trakt.user().plays()).isEmpty();
    assertThat(trakt.count("POST /scrobble/stop")).isZero();
    assertThat(trakt.user().playback().of(matrix)).isPresent();
  }

  @Test
  void theSameWebhookThreeTimesIsOnePlay() throws Exception {
    plex("media.play", "alice", 0);
    for (int i = 0; i < 3; i++) {
      assertThat(plex("media.scrobble", "alice", 95).statusCode()).isEqualTo(200);
    }
    plex("media.stop", "alice", 96);

    await("the play", () -> trakt.user().plays().size() == 1);
    settled();
    assertThat(trakt.user().plays()).hasSize(1);
    assertThat(trakt.count("POST /scrobble/stop")).isEqualTo(1);
  }

  @Test
  void aStopQueuedWhileTraktIsDownArrivesOnceAfterTheServiceRestarts() throws Exception {
    trakt.faults().failNext(1_000, 503, "/scrobble");
    jellyfin("PlaybackStart", "bob", 0, false);
    assertThat(jellyfin("PlaybackStop", "bob", 95, false).statusCode()).isEqualTo(200);
    await("a call tried and refused", () -> !trakt.requests().isEmpty());

    served.close();
    trakt.faults().clear();
    served = new Served(dir, config, 0, ProviderRegistry.load());
    // The retries are due a few seconds after the failures; a report of someone else's viewing
    // wakes the senders once the service's clock is past them.
    served.clock.advance(Duration.ofMinutes(10));
    emby("playback.start", "carol", 0);

    await("the play", () -> trakt.user().plays().size() == 1);
    settled();
    assertThat(trakt.user().plays()).hasSize(1);
    assertThat(trakt.requests())
        .filteredOn(r -> r.status() == 201 && r.path().equals("/scrobble/stop"))
        .hasSize(1);
    assertThat(trakt.requests()).filteredOn(r -> r.status() == 503).isNotEmpty();
  }

  @Test
  void aWatcherWithoutAServerToWatchIsAWarningInTheStatusAndTheRestScrobbles() throws Exception {
    String cookie = served.login();

    JsonNode status =
        Json.MAPPER.readTree(served.send("GET", "/api/scrobble", null, "Cookie", cookie).body());

    assertThat(status.get("running").asBoolean()).isTrue();
    assertThat(status.get("warnings").toString())
        .contains("PLEX:den: plex.server_url is not set, so there is no server to watch");
    assertThat(plex("media.play", "alice", 0).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongOrMissingSecretIsRefusedAndNothingReachesTrakt() throws Exception {
    String json =
        fixture(
            "jellyfin.json",
            Map.of(
                "event", "PlaybackStart", "user", "bob", "positionTicks", "0", "paused", "false"));

    HttpResponse<String> wrong =
        served.send(
            "POST",
            "/webhook/jellyfin?token=" + secret("PLEX"),
            json,
            "Content-Type",
            "application/json");
    HttpResponse<String> missing =
        served.send("POST", "/webhook/jellyfin", json, "Content-Type", "application/json");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    settled();
    assertThat(trakt.requests()).isEmpty();
  }

  @Test
  void aUserTheSourceDoesNotListIsIgnored() throws Exception {
    HttpResponse<String> r = plex("media.play", "mallory", 0);
    plex("media.scrobble", "mallory", 95);

    assertThat(r.statusCode()).isEqualTo(200);
    settled();
    assertThat(trakt.requests()).isEmpty();
    String cookie = served.login();
    JsonNode status =
        Json.MAPPER.readTree(served.send("GET", "/api/scrobble", null, "Cookie", cookie).body());
    assertThat(status.get("now_playing")).isEmpty();
    assertThat(status.get("recent")).isEmpty();
  }

  @Test
  void anOversizedOrMalformedBodyAnswers400AndRecordsNothing() throws Exception {
    String token = secret("PLEX");
    MultipartBody noPayload = MultipartBody.of("other", "{}");

    HttpResponse<String> malformed =
        served.send(
            "POST",
            "/webhook/plex?token=" + token,
            new String(noPayload.bytes(), StandardCharsets.UTF_8),
            "Content-Type",
            noPayload.contentType());
    HttpResponse<String> notJson =
        served.send(
            "POST",
            "/webhook/emby?token=" + secret("EMBY"),
            "{\"Event\": ",
            "Content-Type",
            "application/json");
    HttpResponse<String> oversized =
        served.send(
            "POST",
            "/webhook/jellyfin?token=" + secret("JELLYFIN"),
            "{\"x\": \"" + "y".repeat(1_100_000) + "\"}",
            "Content-Type",
            "application/json");

    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
    assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
    assertThat(oversized.statusCode()).isEqualTo(400);
    settled();
    assertThat(trakt.requests()).isEmpty();
  }
}
