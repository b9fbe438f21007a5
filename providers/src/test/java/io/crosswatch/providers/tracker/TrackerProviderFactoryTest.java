package io.crosswatch.providers.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrackerProviderFactoryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TrackerProviderFactory factory = new TrackerProviderFactory();
  @TempDir Path dir;

  @Test
  void isFoundByTheServiceLoaderUnderItsName() {
    assertThat(ProviderRegistry.load().factory("TRACKER"))
        .get()
        .isInstanceOf(TrackerProviderFactory.class);
  }

  @Test
  void anEmptyObjectIsValid() {
    assertThat(factory.validate(json("{}"), "tracker")).isEmpty();
    assertThat(factory.validate(json("{\"path\": \"t.db\"}"), "tracker")).isEmpty();
  }

  @Test
  void reportsWrongTypesAndUnknownKeys() {
    assertThat(factory.validate(json("{\"path\": 1, \"size\": 2}"), "tracker"))
        .extracting(ConfigIssue::toString, ConfigIssue::isError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "tracker.path: must be a string (the database file)", true),
            org.assertj.core.groups.Tuple.tuple("tracker.size: unknown key, ignored", false));
  }

  @Test
  void theDatabaseLivesInTheStateDirUnlessAPathIsGiven() {
    Path state = dir.resolve("state");

    TrackerProvider byDefault = (TrackerProvider) factory.create(context("{}", state));
    TrackerProvider configured =
        (TrackerProvider) factory.create(context("{\"path\": \"db/t.db\"}", state));

    assertThat(byDefault.file()).isEqualTo(state.resolve("tracker.db"));
    assertThat(configured.file()).isEqualTo(dir.resolve("db/t.db"));
  }

  private ProviderContext context(String settings, Path state) {
    return new ProviderContext(
        "TRACKER",
        "default",
        json(settings),
        "tracker",
        dir,
        state,
        Clock.systemUTC(),
        false,
        DiagnosticLog.silent());
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
