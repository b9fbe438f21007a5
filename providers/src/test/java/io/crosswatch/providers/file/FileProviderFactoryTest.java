package io.crosswatch.providers.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FileProviderFactoryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final FileProviderFactory factory = new FileProviderFactory();
  @TempDir Path dir;

  @Test
  void isFoundByTheServiceLoaderUnderItsName() {
    assertThat(ProviderRegistry.load().factory("FILE"))
        .get()
        .isInstanceOf(FileProviderFactory.class);
  }

  @Test
  void acceptsAPath() {
    assertThat(factory.validate(json("{\"path\": \"library.json\"}"), "file")).isEmpty();
  }

  @Test
  void requiresANonEmptyStringPath() {
    assertThat(factory.validate(json("{}"), "file.instances.backup"))
        .extracting(ConfigIssue::toString)
        .singleElement()
        .asString()
        .startsWith("file.instances.backup.path: is required");
    assertThat(factory.validate(json("{\"path\": \"\"}"), "file"))
        .extracting(ConfigIssue::toString)
        .containsExactly("file.path: must be a non-empty string");
    assertThat(factory.validate(json("{\"path\": 3}"), "file"))
        .allMatch(ConfigIssue::isError)
        .hasSize(1);
  }

  @Test
  void warnsAboutUnknownKeys() {
    List<ConfigIssue> issues =
        factory.validate(json("{\"path\": \"a.json\", \"colour\": 1}"), "file");

    assertThat(issues)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.isError()).isFalse();
              assertThat(i).hasToString("file.colour: unknown key, ignored");
            });
  }

  @Test
  void refusesSettingsThatAreNoObject() {
    assertThat(factory.validate(json("\"library.json\""), "file"))
        .allMatch(ConfigIssue::isError)
        .hasSize(1);
  }

  @Test
  void resolvesARelativePathAgainstTheConfigFolder() {
    ProviderContext context =
        new ProviderContext(
            "FILE",
            "backup",
            json("{\"path\": \"data/../backup.json\"}"),
            "file.instances.backup",
            dir,
            dir.resolve("state"),
            Clock.systemUTC(),
            false,
            DiagnosticLog.silent());

    Provider provider = factory.create(context);

    assertThat(provider.label()).isEqualTo("FILE:backup");
    assertThat(((FileProvider) provider).file()).isEqualTo(dir.resolve("backup.json"));
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
