package io.crosswatch.providers.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.providers.mediabrowser.MediaBrowserSettings.WatchlistMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MediaBrowserSettingsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void factoriesAreNamedJellyfinAndEmby() {
    assertThat(new JellyfinProviderFactory().name()).isEqualTo("JELLYFIN");
    assertThat(new EmbyProviderFactory().name()).isEqualTo("EMBY");
  }

  @Test
  void acceptsCrossWatchsKeys() {
    List<ConfigIssue> issues =
        new JellyfinProviderFactory()
            .validate(
                json(
                    "{\"server\":\"http://jf.local:8096/\",\"access_token\":\"t\","
                        + "\"user_id\":\"u\",\"username\":\"alice\",\"device_id\":\"d\","
                        + "\"watchlist\":{\"mode\":\"playlist\",\"playlist_name\":\"WL\","
                        + "\"libraries\":[\"Movies\"]},"
                        + "\"history\":{\"libraries\":[\"Movies\",\"Shows\"]},"
                        + "\"ratings\":{\"libraries\":[]},"
                        + "\"verify_ssl\":true,\"timeout\":12.5,\"concurrency\":8}"),
                "jellyfin");

    assertThat(issues).isEmpty();
  }

  @Test
  void reportsWrongTypesAsErrorsNamingThePath() {
    List<ConfigIssue> issues =
        new EmbyProviderFactory()
            .validate(
                json(
                    "{\"server\":\"ftp://x\",\"user_id\":5,\"timeout\":0,\"concurrency\":0,"
                        + "\"verify_ssl\":\"no\",\"watchlist\":{\"mode\":\"list\"},"
                        + "\"history\":{\"libraries\":\"Movies\"},"
                        + "\"ratings\":{\"libraries\":[\"\"]}}"),
                "emby.instances.den");

    assertThat(issues).allMatch(ConfigIssue::isError);
    assertThat(issues)
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "emby.instances.den.server: must be an http(s) URL with a host, got \"ftp://x\"",
            "emby.instances.den.user_id: must be a string, got a number",
            "emby.instances.den.timeout: must be a number of seconds within (0, 3600], got 0",
            "emby.instances.den.concurrency: must be a whole number within 1..32, got 0",
            "emby.instances.den.verify_ssl: must be true or false, got a string",
            "emby.instances.den.watchlist.mode: must be \"favorites\" or \"playlist\", got \"list\"",
            "emby.instances.den.history.libraries: must be a list of library names or ids, got a"
                + " string",
            "emby.instances.den.ratings.libraries[0]: must be a library name or id, got a string");
  }

  @Test
  void serverIsRequiredOnlyOnceAPairUsesTheInstance() {
    JellyfinProviderFactory factory = new JellyfinProviderFactory();

    assertThat(factory.validate(json("{\"server\": \"\"}"), "jellyfin")).isEmpty();
    assertThat(factory.validateForUse(json("{\"server\": \"\"}"), "jellyfin"))
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "jellyfin.server: is required: the server's address, e.g. http://localhost:8096");
    assertThat(factory.validateForUse(json("{}"), "jellyfin.instances.den"))
        .extracting(ConfigIssue::path)
        .containsExactly("jellyfin.instances.den.server");
    assertThat(factory.validateForUse(json("{\"server\": \"http://tv:8096\"}"), "jellyfin"))
        .isEmpty();
  }

  @Test
  void warnsAboutUnknownKeysAndAcceptsVerifySslFalse() {
    List<ConfigIssue> issues =
        new JellyfinProviderFactory()
            .validate(
                json(
                    "{\"server\":\"http://a\",\"serverurl\":\"x\",\"verify_ssl\":false,"
                        + "\"history\":{\"limit\":5}}"),
                "jellyfin");

    assertThat(issues).noneMatch(ConfigIssue::isError);
    assertThat(issues)
        .extracting(ConfigIssue::path)
        .containsExactly("jellyfin.serverurl", "jellyfin.history.limit");
  }

  @Test
  void fillsDefaultsAndNeverPrintsTheToken() {
    MediaBrowserSettings s =
        MediaBrowserSettings.from(
            json("{\"server\":\"http://jf:8096/\",\"access_token\":\"tok-secret\"}"),
            "crosswatch-default");

    assertThat(s.server().toString()).isEqualTo("http://jf:8096");
    assertThat(s.deviceId()).isEqualTo("crosswatch-default");
    assertThat(s.watchlistMode()).isEqualTo(WatchlistMode.FAVORITES);
    assertThat(s.playlistName()).isEqualTo("Watchlist");
    assertThat(s.concurrency()).isEqualTo(4);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.librariesOf(Feature.HISTORY)).isEmpty();
    assertThat(s.sessionsPoll()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.toString()).doesNotContain("tok-secret");
  }

  @Test
  void aSignInKeepsWhatTheBlockSaysButStartsWithoutTokenOrUser() {
    MediaBrowserSettings s =
        MediaBrowserProviderFactory.settings(
            json(
                "{\"server\":\" http://jf:8096/ \",\"access_token\":\"old\",\"user_id\":\"u1\","
                    + "\"username\":\" alice \",\"sessions_poll_sec\":12}"),
            "den");

    MediaBrowserSettings anonymous = s.anonymous();

    assertThat(s.hasServer()).isTrue();
    assertThat(s.username()).isEqualTo("alice");
    assertThat(s.deviceId()).isEqualTo("crosswatch-den");
    assertThat(s.sessionsPoll()).isEqualTo(Duration.ofSeconds(12));
    assertThat(anonymous.accessToken()).isEmpty();
    assertThat(anonymous.userId()).isEmpty();
    assertThat(anonymous.withLogin("new", "u2", "")).isEqualTo(s.withLogin("new", "u2", null));
    assertThat(anonymous.server()).isEqualTo(s.server());
    assertThat(MediaBrowserProviderFactory.settings(json("{\"server\":\"  \"}"), "x").hasServer())
        .isFalse();
  }
}
