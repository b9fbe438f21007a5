package io.crosswatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.providers.file.FileProviderFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A run that throws does not stop the service: it is recorded as failed and the next one runs. */
class RobustnessTest {
  @TempDir Path dir;

  /** A provider whose creation throws an Error, which no layer of a run expects. */
  private static final class ExplodingFactory implements ProviderFactory {
    @Override
    public String name() {
      return "SIMKL";
    }

    @Override
    public List<ConfigIssue> validate(JsonNode settings, String path) {
      return List.of();
    }

    @Override
    public Provider create(ProviderContext context) {
      throw new LinkageError("simulated failure inside a run");
    }
  }

  @Test
  void aRunThatThrowsIsRecordedAsFailedAndTheServiceGoesOn() throws Exception {
    String config =
        """
        {"file": {"path": "library.json"}, "simkl": {},
         "pairs": [{"id": "boom", "source": "FILE", "target": "SIMKL", "mode": "one-way"}]}
        """;
    try (Served served =
        new Served(
            dir,
            config,
            2,
            ProviderRegistry.of(new FileProviderFactory(), new ExplodingFactory()))) {
      String cookie = served.login();
      String first = startRun(served, cookie);
      JsonNode summary = Json.MAPPER.readTree(served.awaitSummary(cookie, first));

      assertThat(summary.get("exit_code").asInt()).isEqualTo(1);
      assertThat(served.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
      JsonNode runs =
          Json.MAPPER.readTree(served.send("GET", "/api/runs", null, "Cookie", cookie).body());
      assertThat(runs.get("runs").get(0).get("run_id").asString()).isEqualTo(first);
      assertThat(runs.get("runs").get(0).get("exit_code").asInt()).isEqualTo(1);

      String second = startRun(served, cookie);
      assertThat(second).isNotEqualTo(first);
      served.awaitSummary(cookie, second);
    }
  }

  private static String startRun(Served served, String cookie) {
    HttpResponse<String> r = served.send("POST", "/api/runs", "{}", "Cookie", cookie);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return Json.MAPPER.readTree(r.body()).get("run_id").asString();
  }
}
