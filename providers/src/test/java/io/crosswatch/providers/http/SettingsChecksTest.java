package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsChecksTest {
  private static List<String> urlProblems(String value) {
    List<ConfigIssue> issues = new ArrayList<>();
    SettingsChecks.checkUrl(value, "trakt.base_url", "such as https://api.trakt.tv", issues);
    return issues.stream().map(ConfigIssue::toString).toList();
  }

  @Test
  void anHttpUrlWithAHostPasses() {
    assertThat(urlProblems("https://api.trakt.tv")).isEmpty();
    assertThat(urlProblems("http://192.168.1.10:32400")).isEmpty();
  }

  @Test
  void aWrongUrlIsEchoedWithoutTheSecretsItCarries() {
    assertThat(urlProblems("ftp://user:hunter2@host/?token=SECRETQQ&page=2"))
        .singleElement()
        .asString()
        .startsWith("trakt.base_url: must be an http(s) URL such as https://api.trakt.tv, got")
        .contains("page=2")
        .doesNotContain("hunter2")
        .doesNotContain("SECRETQQ");
  }

  @Test
  void anUnparsableUrlIsEchoedWithoutItsSecretsToo() {
    assertThat(urlProblems("http://host/ bad?apikey=SECRETQQ"))
        .singleElement()
        .asString()
        .contains("must be an http(s) URL such as https://api.trakt.tv")
        .doesNotContain("SECRETQQ");
  }
}
