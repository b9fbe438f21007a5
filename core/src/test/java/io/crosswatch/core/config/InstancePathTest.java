package io.crosswatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InstancePathTest {
  /** A provider whose block is not its lower-case name, as IMPORT's block is {@code imports}. */
  private static final ProviderFactory IMPORTS =
      new ProviderFactory() {
        @Override
        public String name() {
          return "IMPORT";
        }

        @Override
        public String blockKey() {
          return "imports";
        }

        @Override
        public List<ConfigIssue> validate(JsonNode settings, String path) {
          return List.of();
        }

        @Override
        public Provider create(ProviderContext context) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void messagesNameTheProvidersRealBlockNotItsLowerCaseName() {
    assertThat(Config.instancePath(IMPORTS, "default")).isEqualTo("imports");
    assertThat(Config.instancePath(IMPORTS, "letterboxd"))
        .isEqualTo("imports.instances.letterboxd");
  }

  @Test
  void aProviderWithoutBlockOfItsOwnIsNamedByItsLowerCaseName() {
    assertThat(Config.instancePath(TestProviderFactory.file(), "default")).isEqualTo("file");
    assertThat(Config.instancePath(TestProviderFactory.tracker(), "backup"))
        .isEqualTo("tracker.instances.backup");
  }
}
