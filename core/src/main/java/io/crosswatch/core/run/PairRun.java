package io.crosswatch.core.run;

import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.model.Feature;
import java.util.ArrayList;
import java.util.List;

/** Runs the selected, enabled features of one pair. */
final class PairRun {
  private final RunContext run;
  private final PairSettings pair;
  private final List<Feature> features;

  PairRun(RunContext run, PairSettings pair, List<Feature> features) {
    this.run = run;
    this.pair = pair;
    this.features = features;
  }

  PairSummary run() throws InterruptedException {
    run.listener().pairStarted(pair);
    PairSummary summary = execute();
    run.listener().pairFinished(pair, summary);
    return summary;
  }

  private PairSummary execute() throws InterruptedException {
    if (!pair.enabled()) {
      return summary(Status.SKIPPED, "disabled in the config", List.of());
    }
    ProviderSession.Connection source = run.session().connect(pair.source(), pair.sourceInstance());
    ProviderSession.Connection target = run.session().connect(pair.target(), pair.targetInstance());
    for (ProviderSession.Connection c : List.of(source, target)) {
      if (c.missingInBuild()) {
        return summary(Status.SKIPPED, c.failure(), List.of());
      }
      if (!c.usable()) {
        return summary(Status.FAILED, c.failure(), List.of());
      }
    }
    List<FeatureSummary> done = new ArrayList<>();
    String failure = null;
    for (Feature feature : features) {
      boolean chosen =
          run.preset() == null
              ? pair.feature(feature).enable()
              : run.preset().covers(pair.id(), feature);
      if (!chosen) {
        continue;
      }
      FeatureRun featureRun =
          new FeatureRun(run, pair, feature, source.provider(), target.provider());
      done.add(featureRun.run());
      if (featureRun.failure() != null && failure == null) {
        failure = feature.key() + ": " + featureRun.failure();
      }
    }
    return summary(failure == null ? Status.OK : Status.FAILED, failure, done);
  }

  private PairSummary summary(Status status, String reason, List<FeatureSummary> features) {
    return new PairSummary(
        pair.id(),
        pair.mode().key(),
        status,
        reason == null ? null : KnownSecrets.mask(reason),
        pair.sourceLabel(),
        pair.targetLabel(),
        features);
  }
}
