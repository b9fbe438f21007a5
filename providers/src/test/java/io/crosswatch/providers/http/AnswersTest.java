package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.provider.ProviderException;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AnswersTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static HttpAnswer answer(String body) {
    return new HttpAnswer(
        200,
        HttpHeaders.of(Map.of(), (k, v) -> true),
        body,
        new CallInfo("T:default", "GET", "/x", 1));
  }

  @Test
  void readsAJsonBodyAndABlankOneAsAnEmptyObject() throws ProviderException {
    assertThat(Answers.json(answer("{\"a\":1}"), MAPPER).path("a").asInt()).isEqualTo(1);
    assertThat(Answers.json(answer("  "), MAPPER).isEmpty()).isTrue();
  }

  @Test
  void aBodyThatIsNotJsonFailsWithItsPositionButNeverItsText() {
    assertThatThrownBy(() -> Answers.json(answer("secret-token-4711"), MAPPER))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining(
            "T:default GET /x: unexpected answer: body is not valid JSON at line 1")
        .hasMessageNotContaining("secret-token-4711");
  }
}
