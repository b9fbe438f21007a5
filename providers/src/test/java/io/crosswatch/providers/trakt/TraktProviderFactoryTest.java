package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TraktProviderFactoryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TraktProviderFactory factory = new TraktProviderFactory();

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void isNamedTrakt() {
    assertThat(factory.name()).isEqualTo("TRAKT");
  }

  @Test
  void acceptsCrossWatchsKeys() {
    List<ConfigIssue> issues =
        factory.validate(
            json(
                "{\"client_id\":\"a\",\"client_secret\":\"b\",\"access_token\":\"c\","
                    + "\"refresh_token\":\"d\",\"expires_at\":1767225600,"
                    + "\"base_url\":\"https://api.trakt.tv\",\"timeout\":12.5}"),
            "trakt");

    assertThat(issues).isEmpty();
  }

  @Test
  void reportsWrongTypesAsErrorsNamingThePath() {
    List<ConfigIssue> issues =
        factory.validate(
            json(
                "{\"client_id\":5,\"expires_at\":\"soon\",\"base_url\":\"ftp://x\","
                    + "\"timeout\":0}"),
            "trakt.instances.work");

    assertThat(issues).allMatch(ConfigIssue::isError);
    assertThat(issues)
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "trakt.instances.work.client_id: must be a string, got a number",
            "trakt.instances.work.expires_at: must be a whole number of epoch seconds ≥ 0, got "
                + "a string",
            "trakt.instances.work.base_url: must be an http(s) URL such as https://api.trakt.tv,"
                + " got \"ftp://x\"",
            "trakt.instances.work.timeout: must be a number of seconds within (0, 3600], got 0");
  }

  @Test
  void warnsAboutUnknownKeys() {
    List<ConfigIssue> issues = factory.validate(json("{\"clientid\":\"x\"}"), "trakt");

    assertThat(issues)
        .extracting(ConfigIssue::toString)
        .containsExactly("trakt.clientid: unknown key, ignored");
    assertThat(issues.get(0).isError()).isFalse();
  }

  @Test
  void fillsDefaultsAndNeverPrintsSecrets() {
    TraktSettings s =
        TraktSettings.from(json("{\"access_token\":\"tok-secret\",\"base_url\":\"\"}"));

    assertThat(s.baseUrl().toString()).isEqualTo("https://api.trakt.tv");
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.expiresAt()).isZero();
    assertThat(s.toString()).doesNotContain("tok-secret");
  }
}
