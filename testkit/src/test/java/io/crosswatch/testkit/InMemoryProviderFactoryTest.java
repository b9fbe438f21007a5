package io.crosswatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class InMemoryProviderFactoryTest {

  @Test
  void handsOutRegisteredInstancesByName() throws Exception {
    InMemoryProvider backup = new InMemoryProvider("FILE", "backup");
    InMemoryProviderFactory factory = new InMemoryProviderFactory("FILE").register(backup);
    ProviderFactory found = ProviderRegistry.of(factory).factory("FILE").orElseThrow();

    assertThat(found.create(context("backup"))).isSameAs(backup);
  }

  @Test
  void createsAndKeepsInstancesThatWereNotRegistered() {
    InMemoryProviderFactory factory = new InMemoryProviderFactory("TRAKT");

    Provider created = factory.create(context("default"));

    assertThat(created).isInstanceOf(InMemoryProvider.class);
    assertThat(created.label()).isEqualTo("TRAKT:default");
    assertThat(factory.create(context("default"))).isSameAs(created);
    assertThat(factory.provider("default")).isSameAs(created);
    assertThat(factory.contexts()).hasSize(2);
  }

  @Test
  void acceptsWrappedProviders() {
    FlakyProvider flaky = new FlakyProvider(new InMemoryProvider("FILE", "default"));
    InMemoryProviderFactory factory = new InMemoryProviderFactory("FILE").register(flaky);

    assertThat(factory.create(context("default"))).isSameAs(flaky);
  }

  @Test
  void refusesProvidersOfAnotherName() {
    InMemoryProviderFactory factory = new InMemoryProviderFactory("FILE");

    assertThatThrownBy(() -> factory.register(new InMemoryProvider("PLEX")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ProviderContext context(String instance) {
    return new ProviderContext(
        "FILE",
        instance,
        JsonNodeFactory.instance.objectNode(),
        "file",
        Path.of("."),
        Path.of("."),
        Clock.systemUTC(),
        false,
        DiagnosticLog.silent());
  }
}
