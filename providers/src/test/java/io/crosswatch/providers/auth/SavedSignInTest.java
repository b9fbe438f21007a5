package io.crosswatch.providers.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

class SavedSignInTest {
  @TempDir Path state;

  private ProviderContext context() {
    return new ProviderContext(
        "SIMKL",
        "default",
        JsonNodeFactory.instance.objectNode(),
        "simkl",
        state,
        state,
        Clock.systemUTC(),
        false,
        DiagnosticLog.silent());
  }

  @Test
  void aSavedTokenComesBeforeTheConfiguredOne() throws Exception {
    new TokenStore(state).save("SIMKL", "default", Tokens.of("saved-token", "", 0));

    SavedSignIn.Lookup found = SavedSignIn.accessTokenOr(context(), "config-token");

    assertThat(found).isEqualTo(new SavedSignIn.Lookup("saved-token", null));
  }

  @Test
  void withoutASavedTokenTheConfiguredOneIsUsed() {
    assertThat(SavedSignIn.accessTokenOr(context(), "config-token"))
        .isEqualTo(new SavedSignIn.Lookup("config-token", null));
  }

  @Test
  void aDamagedTokenFileKeepsTheConfiguredTokenAndSaysWhy() throws Exception {
    Path file = new TokenStore(state).file("SIMKL", "default");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{saved-token");

    SavedSignIn.Lookup found = SavedSignIn.accessTokenOr(context(), "config-token");

    assertThat(found.accessToken()).isEqualTo("config-token");
    assertThat(found.problem()).contains(file.toString(), "not valid JSON").doesNotContain("saved");
  }
}
