package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.plex.FakePlex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code cw health} of Plex, Jellyfin and Emby against the fakes. */
class ServerHealthTest {
  @TempDir Path dir;
  private Workspace ws;
  private FakePlex plex;
  private FakeMediaBrowserServer jellyfin;
  private FakeMediaBrowserServer emby;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    plex = FakePlex.builder().clock(ws.clock()).build().start();
    plex.catalogue().addMovieSection("Movies");
    jellyfin = FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).build().start();
    emby = FakeMediaBrowserServer.builder(ServerDialect.EMBY).build().start();
    ws.write(
        "config.json",
        Servers.config(
                List.of(Servers.plex(plex), Servers.jellyfin(jellyfin), Servers.emby(emby)),
                Servers.pair("JELLYFIN", "PLEX", "two-way", "\"history\": true"))
            .replace(
                "]\n}",
                ", {\"id\": \"q\", \"source\": \"EMBY\", \"target\": \"PLEX\","
                    + " \"features\": {\"watchlist\": true}}]\n}"));
  }

  @AfterEach
  void stop() {
    plex.close();
    jellyfin.close();
    emby.close();
  }

  private CliRun health(String... extra) {
    String[] args = {"health", "--config", ws.config().toString()};
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return ws.cw(all);
  }

  private static JsonNode provider(JsonNode root, String label) {
    for (JsonNode p : root.get("providers")) {
      if (p.get("provider").asString().equals(label)) {
        return p;
      }
    }
    throw new AssertionError("no " + label + " in " + root);
  }

  @Test
  void theTableListsEachServerOkWithItsFeatures() {
    CliRun r = health();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .anyMatch(
            l ->
                l.matches(
                    "EMBY:default\\s+ok\\s+\\d+\\s+watchlist,history,ratings,playlists,progress\\s+ok"))
        .anyMatch(
            l ->
                l.matches(
                    "JELLYFIN:default\\s+ok\\s+\\d+\\s+watchlist,history,ratings,playlists,progress.*"))
        .anyMatch(
            l ->
                l.matches(
                    "PLEX:default\\s+ok\\s+\\d+\\s+watchlist,history,ratings,playlists,progress.*"));
  }

  @Test
  void jsonCarriesStatusFeaturesAndServerDetails() {
    CliRun r = health("--json");

    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode root = r.summary();
    JsonNode px = provider(root, "PLEX:default");
    assertThat(px.get("status").asString()).isEqualTo("ok");
    assertThat(px.at("/details/machine_identifier").asString()).isEqualTo(FakePlex.MACHINE_ID);
    assertThat(px.at("/details/account").asString()).isEqualTo("crosswatch");
    assertThat(px.get("features")).hasSize(5);
    JsonNode jf = provider(root, "JELLYFIN:default");
    assertThat(jf.at("/details/server_id").asString()).isEqualTo(jellyfin.serverId());
    assertThat(jf.at("/details/user").asString()).isEqualTo(FakeMediaBrowserServer.USERNAME);
    assertThat(jf.at("/details/watchlist").asString()).isEqualTo("favorites");
    JsonNode em = provider(root, "EMBY:default");
    assertThat(em.at("/details/product").asString()).containsIgnoringCase("emby");
    assertThat(root.toString()).doesNotContain(FakePlex.TOKEN, FakeMediaBrowserServer.ACCESS_TOKEN);
  }

  @Test
  void aRevokedTokenOrAServerOfTheOtherKindFailsHealthWithExit1() {
    jellyfin.revokeToken(FakeMediaBrowserServer.ACCESS_TOKEN);
    ws.write(
        "config.json",
        new String(ws.bytes("config.json"), java.nio.charset.StandardCharsets.UTF_8)
            .replace(emby.baseUrl(), jellyfin.baseUrl()));

    CliRun r = health("--json");

    assertThat(r.code()).isEqualTo(1);
    JsonNode root = r.summary();
    assertThat(root.get("exit_code").asInt()).isEqualTo(1);
    assertThat(provider(root, "JELLYFIN:default").get("status").asString())
        .isEqualTo("auth_failed");
    assertThat(provider(root, "EMBY:default").get("status").asString()).isEqualTo("down");
    assertThat(provider(root, "EMBY:default").get("message").asString())
        .contains("configure it under \"jellyfin\"");
    assertThat(provider(root, "PLEX:default").get("status").asString()).isEqualTo("ok");
    assertThat(r.out() + r.err()).doesNotContain(FakeMediaBrowserServer.ACCESS_TOKEN);
  }
}
