package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ConfigIssue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlexProviderFactoryTest {
  private final PlexProviderFactory factory = new PlexProviderFactory();

  private static JsonNode json(String text) {
    return PlexApi.MAPPER.readTree(text);
  }

  @Test
  void isNamedPlex() {
    assertThat(factory.name()).isEqualTo("PLEX");
  }

  @Test
  void acceptsCrossWatchsPlexBlockWithoutWarnings() {
    List<ConfigIssue> issues =
        factory.validate(
            json(
                "{\"server_url\":\"http://192.168.1.10:32400\",\"verify_ssl\":false,"
                    + "\"account_token\":\"t\",\"pms_token\":\"\",\"client_id\":\"c\","
                    + "\"machine_id\":\"\",\"username\":\"\",\"account_id\":1,\"home_pin\":\"\","
                    + "\"timeout\":10.0,\"max_retries\":3,\"fallback_GUID\":false,"
                    + "\"scrobble\":{\"libraries\":[]},"
                    + "\"history\":{\"libraries\":[1,\"Movies\"],\"include_marked_watched\":true},"
                    + "\"progress\":{\"libraries\":[]},\"ratings\":{\"libraries\":[]},"
                    + "\"rating_workers\":12,\"history_workers\":12,"
                    + "\"watchlist_allow_pms_fallback\":false,\"watchlist_page_size\":100,"
                    + "\"watchlist_query_limit\":25,\"watchlist_write_delay_ms\":0,"
                    + "\"watchlist_title_query\":true,\"watchlist_use_metadata_match\":true,"
                    + "\"watchlist_guid_priority\":[\"tmdb\",\"imdb\",\"tvdb\","
                    + "\"agent:themoviedb:en\"],"
                    + "\"discover_url\":\"https://discover.provider.plex.tv\","
                    + "\"plex_tv_url\":\"https://plex.tv\"}"),
            "plex");

    assertThat(issues).isEmpty();
  }

  @Test
  void anEmptyBlockIsValid() {
    assertThat(factory.validate(json("{}"), "plex")).isEmpty();
  }

  @Test
  void reportsWrongTypesAsErrorsNamingThePath() {
    List<ConfigIssue> issues =
        factory.validate(
            json(
                "{\"server_url\":\"ftp://x\",\"account_token\":5,\"verify_ssl\":\"no\","
                    + "\"timeout\":0,\"history\":{\"libraries\":[0,true]},\"ratings\":[],"
                    + "\"account_id\":-1}"),
            "plex.instances.den");

    assertThat(issues).allMatch(ConfigIssue::isError);
    assertThat(issues)
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "plex.instances.den.server_url: must be an http(s) URL such as"
                + " http://192.168.1.10:32400, got \"ftp://x\"",
            "plex.instances.den.account_token: must be a string, got a number",
            "plex.instances.den.verify_ssl: must be true or false, got a string",
            "plex.instances.den.timeout: must be a number of seconds within (0, 3600], got 0",
            "plex.instances.den.history.libraries[0]: must be a section id (number) or title"
                + " (string), got a number",
            "plex.instances.den.history.libraries[1]: must be a section id (number) or title"
                + " (string), got a boolean",
            "plex.instances.den.ratings: must be an object such as {\"libraries\": []}",
            "plex.instances.den.account_id: must be a string or a whole number, got a number");
  }

  @Test
  void warnsAboutUnknownKeysAlsoInsideFeatureBlocks() {
    List<ConfigIssue> issues =
        factory.validate(json("{\"server\":\"x\",\"history\":{\"librarys\":[]}}"), "plex");

    assertThat(issues)
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "plex.server: unknown key, ignored", "plex.history.librarys: unknown key, ignored");
    assertThat(issues).noneMatch(ConfigIssue::isError);
  }

  @Test
  void fillsDefaultsAndNeverPrintsTokens() {
    PlexSettings s =
        PlexSettings.from(
            json(
                "{\"account_token\":\"tok-secret\",\"pms_token\":\"pms-secret\","
                    + "\"server_url\":\"http://nas:32400/\",\"history\":{\"libraries\":[3]},"
                    + "\"watchlist_guid_priority\":[\"imdb\",\"agent:imdb\"]}"));

    assertThat(s.serverUrl().toString()).isEqualTo("http://nas:32400");
    assertThat(s.discoverUrl().toString()).isEqualTo("https://discover.provider.plex.tv");
    assertThat(s.plexTvUrl().toString()).isEqualTo("https://plex.tv");
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.verifySsl()).isTrue();
    assertThat(s.serverToken()).isEqualTo("pms-secret");
    assertThat(s.historyLibraries()).containsExactly("3");
    assertThat(s.ratingsLibraries()).isEmpty();
    assertThat(s.guidPriority()).containsExactly(IdKind.IMDB, IdKind.TMDB, IdKind.TVDB);
    assertThat(s.toString()).doesNotContain("tok-secret", "pms-secret");
  }

  @Test
  void withoutAServerUrlOnlyTheWatchlistIsOffered() {
    PlexSettings s = PlexSettings.from(json("{\"account_token\":\"t\"}"));

    assertThat(s.hasServer()).isFalse();
    assertThat(s.serverToken()).isEqualTo("t");
    assertThat(s.notificationsUrl()).isNull();
  }

  @Test
  void theNotificationWebsocketIsAtTheServerUnlessTheBlockNamesAnotherAddress() {
    PlexSettings atServer = PlexSettings.from(json("{\"server_url\":\"http://nas:32400/\"}"));
    PlexSettings proxied =
        PlexSettings.from(
            json(
                "{\"server_url\":\"http://nas:32400\","
                    + "\"notifications_url\":\"https://proxy.home/plex/\"}"));

    assertThat(atServer.notificationsUrl()).hasToString("http://nas:32400");
    assertThat(proxied.notificationsUrl()).hasToString("https://proxy.home/plex");
    assertThat(proxied.withAccount("t", "d").notificationsUrl())
        .isEqualTo(proxied.notificationsUrl());
  }
}
