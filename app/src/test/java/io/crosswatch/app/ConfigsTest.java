package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.provider.ProviderRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigsTest {
  @TempDir Path dir;

  private final CliContext ctx =
      new CliContext(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          Map.of(),
          Cli.CLOCK,
          new SplittableRandom(1),
          ProviderRegistry::of,
          false,
          InputStream.nullInputStream(),
          null);

  @Test
  void theStateDirFlagWinsAndIsMadeAbsolute() {
    Path resolved = Configs.stateDir(ctx, Path.of("rel/../state"), RuntimeSettings.DEFAULTS);

    assertThat(resolved).isEqualTo(Path.of("state").toAbsolutePath());
  }

  @Test
  void theConfigFlagIsUsedAsGiven() {
    assertThat(Configs.configPath(ctx, Path.of("my.json"))).isEqualTo(Path.of("my.json"));
  }

  @Test
  void createsAMissingStateDirOwnerOnly() throws IOException {
    Path state = Configs.createStateDir(dir.resolve("a/state"));

    assertThat(state).isDirectory();
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void leavesAnExistingStateDirAlone() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));

    Configs.createStateDir(dir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void aFileWhereTheStateDirBelongsFailsWithExit1() throws IOException {
    Path file = Files.writeString(dir.resolve("state"), "x");

    assertThatThrownBy(() -> Configs.createStateDir(file))
        .isInstanceOfSatisfying(CommandFailure.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessageContaining(file.toString());
  }

  @Test
  void theOrchestratorSeesTheResolvedStateDirAndEverythingElseUnchanged() {
    RuntimeSettings runtime =
        new RuntimeSettings(
            true, true, false, null, false, 60, 500, 10, Map.of("SIMKL", 500), 5, 0.2, 7);
    Config config =
        new Config(
            Path.of("/etc/cw/config.json"), runtime, SyncSettings.DEFAULTS, Map.of(), List.of());

    Config with = Configs.withStateDir(config, Path.of("/var/state"));

    assertThat(with.runtime().stateDir()).isEqualTo(Path.of("/var/state"));
    assertThat(with.runtime())
        .usingRecursiveComparison()
        .ignoringFields("stateDir")
        .isEqualTo(runtime);
    assertThat(with.file()).isEqualTo(config.file());
    assertThat(with.sync()).isEqualTo(config.sync());
  }
}
