package io.crosswatch.providers.mdblist;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MdblistProviderFactoryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final MdblistProviderFactory factory = new MdblistProviderFactory();

  @Test
  void isNamedMdblist() {
    assertThat(factory.name()).isEqualTo("MDBLIST");
  }

  @Test
  void checksItsKeys() {
    assertThat(
            factory.validate(
                JSON.readTree("{\"api_key\":\"k\",\"base_url\":\"https://x.y\",\"timeout\":3}"),
                "mdblist"))
        .isEmpty();
    assertThat(factory.validate(JSON.readTree("{\"api_key\":1,\"apikey\":\"k\"}"), "mdblist"))
        .extracting(ConfigIssue::toString)
        .containsExactly(
            "mdblist.api_key: must be a string, got a number",
            "mdblist.apikey: unknown key, ignored");
  }

  @Test
  void fillsDefaultsAndNeverPrintsTheKey() {
    MdblistSettings s = MdblistSettings.from(JSON.readTree("{\"api_key\":\"key-secret\"}"));

    assertThat(s.baseUrl().toString()).isEqualTo("https://api.mdblist.com");
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.toString()).doesNotContain("key-secret");
  }
}
