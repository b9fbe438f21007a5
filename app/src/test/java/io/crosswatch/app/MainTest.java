package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {
  @TempDir Path dir;

  @Test
  void withoutACommandPrintsUsageErrorAndExits2() {
    Cli.Result r = Cli.run();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("missing command").contains("cw --help");
  }

  @Test
  void anUnknownCommandIsAUsageErrorNamingTheCommands() {
    Cli.Result r = Cli.run("frobnicate");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("unknown command 'frobnicate'")
        .contains(
            "run, plan, apply, undo, export, validate, health, state, serve, web, tracker, auth");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Cli.Result r = Cli.run("run", "--bogus");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--bogus");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "plan"})
  void anUnknownFeatureIsAUsageError(String command) {
    Cli.Result r = Cli.run(command, "--feature", "lists", "--json");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            "'lists' is not a feature; use watchlist, history, ratings, playlists or progress");
  }

  @Test
  void trackerExportWithoutOutIsAUsageError() {
    Cli.Result r = Cli.run("tracker", "export");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--out");
  }

  @Test
  void stateResetWithoutPairIsAUsageError() {
    Cli.Result r = Cli.run("state", "reset", "--state-dir", dir.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--pair");
  }

  @ParameterizedTest
  @ValueSource(strings = {"state", "tracker", "auth"})
  void aCommandGroupWithoutASubcommandIsAUsageError(String group) {
    Cli.Result r = Cli.run(group);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("missing subcommand");
  }

  @Test
  void stateWithAnUnknownSubcommandIsAUsageError() {
    Cli.Result r = Cli.run("state", "purge");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown command 'purge'").contains("clear-unresolved");
  }

  @Test
  void validateWithAMissingConfigFileExits2NamingTheFile() {
    Path missing = dir.resolve("missing.json");

    Cli.Result r = Cli.run("validate", "--config", missing.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(missing + ": config file not found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "plan", "health"})
  void aMissingConfigFileExits2WithNothingOnStdoutEvenWithJson(String command) {
    Cli.Result r = Cli.run(command, "--json", "--config", dir.resolve("nope.json").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("nope.json: config file not found");
  }

  @Test
  void anUnexpectedErrorExits1WithOneLineAndNoStackTrace() throws IOException {
    Path config = Files.writeString(dir.resolve("config.json"), "{}");

    Cli.Result r = Cli.run(Map.of(), failingRegistry(), "validate", "--config", config.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: providers unavailable" + System.lineSeparator());
  }

  @Test
  void anUnexpectedErrorOfAJsonRunStillPrintsASummaryWithExitCode1() throws IOException {
    Path config = Files.writeString(dir.resolve("config.json"), "{}");

    Cli.Result r =
        Cli.run(Map.of(), failingRegistry(), "run", "--json", "--config", config.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("error: providers unavailable").doesNotContain("\tat ");
    JsonNode summary = JsonMapper.builder().build().readTree(r.out());
    assertThat(summary.get("exit_code").asInt()).isEqualTo(1);
    assertThat(summary.get("run_id").asString()).startsWith("20261128T061500Z-");
    assertThat(summary.get("dry_run").asBoolean()).isFalse();
    assertThat(summary.get("pairs").size()).isZero();
  }

  @Test
  void aPlanThatFailsUnexpectedlyReportsADryRun() throws IOException {
    Path config = Files.writeString(dir.resolve("config.json"), "{}");

    Cli.Result r =
        Cli.run(Map.of(), failingRegistry(), "plan", "--json", "--config", config.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(JsonMapper.builder().build().readTree(r.out()).get("dry_run").asBoolean()).isTrue();
  }

  @Test
  void helpGoesToStdoutAndExits0() {
    Cli.Result r = Cli.run("--help");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("run", "plan", "validate", "health", "state", "tracker")
        .contains("Exit codes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "run",
        "plan",
        "validate",
        "health",
        "state",
        "state show",
        "state tombstones",
        "state unresolved",
        "state clear-unresolved",
        "state reset",
        "tracker",
        "tracker export"
      })
  void everyCommandHasHelp(String command) {
    String[] words = (command + " --help").split(" ");

    Cli.Result r = Cli.run(words);

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: cw " + command);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionIsPrinted() {
    Cli.Result r = Cli.run("--version");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("crosswatch ");
  }

  @Test
  void runParsesRepeatedPairsAndFeaturesAndFlags() {
    CommandLine cli = Cli.main().commandLine();

    ParseResult parsed =
        cli.parseArgs(
            "run",
            "--config",
            "c.json",
            "--state-dir",
            "st",
            "--pair",
            "a",
            "--pair",
            "b",
            "--feature",
            "watchlist",
            "--feature",
            "HISTORY",
            "--dry-run",
            "--json");

    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(run.options.config).isEqualTo(Path.of("c.json"));
    assertThat(run.options.stateDir).isEqualTo(Path.of("st"));
    assertThat(run.options.pairs).containsExactly("a", "b");
    assertThat(run.options.features).containsExactly(Feature.WATCHLIST, Feature.HISTORY);
    assertThat(run.dryRun).isTrue();
    assertThat(run.options.json).isTrue();
  }

  @Test
  void runDefaultsToEveryPairAndFeatureWithoutDryRun() {
    ParseResult parsed = Cli.main().commandLine().parseArgs("run");

    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(run.options.pairs).isEmpty();
    assertThat(run.options.features).isEmpty();
    assertThat(run.dryRun).isFalse();
    assertThat(run.options.json).isFalse();
    assertThat(run.options.config).isNull();
  }

  @Test
  void planTakesTheSameOptionsAsRun() {
    ParseResult parsed =
        Cli.main()
            .commandLine()
            .parseArgs("plan", "--pair", "p", "--feature", "ratings", "--state-dir", "s");

    PlanCommand plan = (PlanCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(plan.options.pairs).containsExactly("p");
    assertThat(plan.options.features).containsExactly(Feature.RATINGS);
  }

  @Test
  void stateCommandsParseTheirOptions() {
    ParseResult parsed =
        Cli.main().commandLine().parseArgs("state", "reset", "--pair", "p1", "--state-dir", "s");

    StateCommand.Reset reset =
        (StateCommand.Reset) parsed.subcommand().subcommand().commandSpec().userObject();
    assertThat(reset.pair).isEqualTo("p1");
    assertThat(reset.options.stateDir).isEqualTo(Path.of("s"));
  }

  @Test
  void trackerExportParsesOutAndInstance() {
    ParseResult parsed =
        Cli.main()
            .commandLine()
            .parseArgs("tracker", "export", "--out", "o.json", "--instance", "backup");

    ParseResult export = parsed.subcommand().subcommand();
    assertThat(export.commandSpec().name()).isEqualTo("export");
    assertThat(export.<String>matchedOptionValue("--out", null)).isEqualTo("o.json");
    assertThat(export.<String>matchedOptionValue("--instance", null)).isEqualTo("backup");
  }

  @ParameterizedTest
  @ValueSource(strings = {"show", "tombstones", "unresolved", "clear-unresolved"})
  void stateCommandsOnAnEmptyStateDirSayThereIsNoStateAndCreateNothing(String command) {
    Path stateDir = dir.resolve("state");

    Cli.Result r = Cli.run("state", command, "--state-dir", stateDir.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("No state in " + stateDir);
    assertThat(stateDir).doesNotExist();
  }

  @Test
  void trackerExportWithAMissingConfigExits2() {
    Cli.Result r =
        Cli.run(
            "tracker",
            "export",
            "--out",
            dir.resolve("o.json").toString(),
            "--config",
            dir.resolve("nope.json").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  private static Supplier<ProviderRegistry> failingRegistry() {
    return () -> {
      throw new IllegalStateException("providers unavailable");
    };
  }
}
