package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.secrets.KnownSecrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = Redactor.standard();

  @Test
  void masksEverySecretQueryParameterWhateverItsCase() {
    String url =
        "https://h/x?apikey=a1&api_key=a2&token=a3&X-Plex-Token=a4&client_secret=a5&code=a6"
            + "&ACCESS_TOKEN=a7&refresh_token=a8&client_id=a9&page=2&limit=100";

    assertThat(redactor.url(url))
        .isEqualTo(
            "https://h/x?apikey=***&api_key=***&token=***&X-Plex-Token=***&client_secret=***"
                + "&code=***&ACCESS_TOKEN=***&refresh_token=***&client_id=***&page=2&limit=100");
  }

  @Test
  void masksPercentEncodedSecretParameterNames() {
    assertThat(redactor.url("http://h/p?X%2DPlex%2DToken=abc&x=1"))
        .isEqualTo("http://h/p?X%2DPlex%2DToken=***&x=1");
  }

  @Test
  void masksUserInfoAndKeepsFragments() {
    assertThat(redactor.url("http://user:pass@host:32400/a?token=t#frag"))
        .isEqualTo("http://***@host:32400/a?token=***#frag");
  }

  @Test
  void leavesUrlsWithoutSecretsAlone() {
    String url = "https://api.trakt.tv/sync/history?page=2&limit=100";

    assertThat(redactor.url(url)).isEqualTo(url);
  }

  @Test
  void masksSecretHeadersByName() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Authorization", List.of("Bearer abc"));
    headers.put("trakt-api-key", List.of("k"));
    headers.put("SIMKL-API-KEY", List.of("k"));
    headers.put("X-Emby-Token", List.of("k"));
    headers.put("x-plex-token", List.of("k"));
    headers.put("Accept", List.of("application/json"));

    assertThat(redactor.headers(headers))
        .containsExactly(
            Map.entry("Authorization", List.of("***")),
            Map.entry("trakt-api-key", List.of("***")),
            Map.entry("SIMKL-API-KEY", List.of("***")),
            Map.entry("X-Emby-Token", List.of("***")),
            Map.entry("x-plex-token", List.of("***")),
            Map.entry("Accept", List.of("application/json")));
  }

  @Test
  void masksKnownSecretValuesAnywhere() {
    Redactor r = redactor.withSecrets(List.of("sekrit-token", "sekrit", "ab", " "));

    assertThat(r.text("path /a/sekrit-token/b and sekrit; ab stays"))
        .isEqualTo("path /a/***/b and ***; ab stays");
    assertThat(r.url("http://h/sekrit-token?x=1")).isEqualTo("http://h/***?x=1");
  }

  @Test
  void masksValuesDecryptedFromTheConfigInEveryRedactor() {
    KnownSecrets.add("decrypted-config-token-42");

    assertThat(redactor.text("sent decrypted-config-token-42 to /x")).isEqualTo("sent *** to /x");
    assertThat(redactor.url("http://h/decrypted-config-token-42/y")).isEqualTo("http://h/***/y");
    assertThat(redactor.withSecrets(List.of("other1")).text("other1 decrypted-config-token-42"))
        .isEqualTo("*** ***");
  }
}
