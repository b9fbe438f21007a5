package io.crosswatch.app;

import io.crosswatch.core.model.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code cw run} and {@code cw plan}. */
final class RunOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State folder.")
  Path stateDir;

  @Option(
      names = "--pair",
      paramLabel = "ID",
      description = "Run only this pair (repeatable); default: every enabled pair.")
  List<String> pairs = new ArrayList<>();

  @Option(
      names = "--feature",
      paramLabel = "FEATURE",
      converter = FeatureConverter.class,
      description = "Run only this feature: watchlist, history or ratings (repeatable).")
  List<Feature> features = new ArrayList<>();

  @Option(
      names = "--json",
      description = "Print the run summary as JSON on stdout (human output goes to stderr).")
  boolean json;
}
