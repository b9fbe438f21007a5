package io.crosswatch.core.config.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Keys naming secrets, and the values under them that become known secrets. */
class SecretKeysTest {
  @Test
  void tokensSecretsPasswordsKeysPinsAndCookiesAreSecretWhateverTheCase() {
    assertThat(
            List.of(
                "access_token",
                "Refresh_Token",
                "client_secret",
                "password",
                "passwd",
                "api_key",
                "APIKEY",
                "home_pin",
                "cookie"))
        .allMatch(SecretKeys::isSecret);
    assertThat(List.of("client_id", "base_url", "username", "path", "timeout"))
        .noneMatch(SecretKeys::isSecret);
  }

  @Test
  void textValuesUnderSecretKeysAtAnyDepthBecomeKnownSecretsAndNothingElse() {
    SecretKeys.remember(
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"simkl\": {\"client_id\": \"simkl-client-id-0001\","
                    + " \"access_token\": \"simkl-access-token-0001\","
                    + " \"instances\": {\"b\": {\"api_key\": \"simkl-api-key-0002\"}}},"
                    + " \"list\": [{\"secret\": \"listed-secret-0003\"}],"
                    + " \"number_token\": 12345678901}"));

    assertThat(KnownSecrets.all())
        .contains("simkl-access-token-0001", "simkl-api-key-0002", "listed-secret-0003")
        .doesNotContain("simkl-client-id-0001", "12345678901");
  }
}
