package io.crosswatch.server.web;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.server.scrobble.ScrobbleStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What the pages need from the service: the config, runs, schedule, health and state. The pages
 * read and act through it only, so they show exactly what the REST API answers.
 */
public interface PageServices {

  /** The config as the API shows it: every secret value {@code "***"}. */
  JsonNode maskedConfig();

  /** The same document with every secret value replaced by {@code "***"}. */
  JsonNode mask(JsonNode config);

  /**
   * Validates and saves an edited config (secrets sent as {@code "***"} keep their stored value);
   * nothing is written when it has errors.
   */
  ConfigSave saveConfig(JsonNode edited);

  /** The outcome of a save: errors (nothing saved) or warnings (saved). */
  record ConfigSave(List<ErrorPlacement.Problem> errors, List<String> warnings) {
    public ConfigSave {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Starts a run of the given pairs (all enabled ones when empty) in the background.
   *
   * @throws RunRefused when another run holds the state lock or a pair is unknown
   */
  String startRun(List<String> pairs, boolean dryRun) throws RunRefused;

  /** Why a run did not start; {@code runningRunId} is set when another run holds the lock. */
  final class RunRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String runningRunId;

    public RunRefused(String message, String runningRunId) {
      super(message);
      this.runningRunId = runningRunId;
    }

    public Optional<String> runningRunId() {
      return Optional.ofNullable(runningRunId);
    }
  }

  /** The run going on now, if any. */
  Optional<String> runningRunId();

  /** Entries of {@code GET /api/runs}, newest first. */
  List<JsonNode> recentRuns(int limit);

  /** A finished run's summary document; empty while it runs or when unknown. */
  Optional<JsonNode> summary(String runId);

  /** Whether a run with this id was started (running or finished). */
  boolean knownRun(String runId);

  /** When the scheduler runs next, if a schedule is set. */
  Optional<Instant> nextRunAt();

  /** Live scrobbling: playbacks in progress, the latest {@code recent} notices, warnings. */
  ScrobbleStatus scrobbling(int recent);

  /** The {@code cw health --json} document. */
  JsonNode health();

  /**
   * The settings of one provider instance as configured, secrets included: for the sign-ins, never
   * for a page. Empty when the config has no such instance.
   */
  Optional<JsonNode> instanceSettings(String provider, String instance);

  /** The providers of this build. */
  ProviderRegistry registry();

  /** The state dir: sign-ins save their tokens in its {@code secrets} folder. */
  Path stateDir();

  /** The config file's folder: relative paths in settings resolve against it. */
  Path configDir();

  /** Runs {@code work} with the state store (shared with runs; short calls only). */
  <T> T withState(Function<StateStore, T> work);
}
