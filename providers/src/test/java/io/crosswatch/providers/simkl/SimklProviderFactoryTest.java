package io.crosswatch.providers.simkl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimklProviderFactoryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final SimklProviderFactory factory = new SimklProviderFactory();

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void isNamedSimkl() {
    assertThat(factory.name()).isEqualTo("SIMKL");
  }

  @Test
  void acceptsItsKeys() {
    List<ConfigIssue> issues =
        factory.validate(
            json(
                "{\"client_id\":\"a\",\"access_token\":\"b\","
                    + "\"base_url\":\"https://api.simkl.com\",\"timeout\":12.5}"),
            "simkl");

    assertThat(issues).isEmpty();
  }

  @Test
  void reportsWrongTypesAsErrorsAndUnknownKeysAsWarnings() {
    List<ConfigIssue> issues =
        factory.validate(
            json(
                "{\"client_id\":5,\"base_url\":\"ftp://x\",\"timeout\":\"soon\","
                    + "\"client_secret\":\"x\"}"),
            "simkl.instances.work");

    assertThat(issues)
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "simkl.instances.work.client_id: must be a string, got a number",
            "simkl.instances.work.base_url: must be an http(s) URL such as https://api.simkl.com,"
                + " got \"ftp://x\"",
            "simkl.instances.work.timeout: must be a number of seconds within (0, 3600], got a"
                + " string",
            "simkl.instances.work.client_secret: unknown key, ignored");
    assertThat(issues).extracting(ConfigIssue::isError).containsExactly(true, true, true, false);
  }

  @Test
  void fillsDefaultsAndNeverPrintsSecrets() {
    SimklSettings s =
        SimklSettings.from(json("{\"access_token\":\"tok-secret\",\"base_url\":\"\"}"));

    assertThat(s.baseUrl().toString()).isEqualTo("https://api.simkl.com");
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.toString()).doesNotContain("tok-secret");
  }
}
