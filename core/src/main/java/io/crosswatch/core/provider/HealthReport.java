package io.crosswatch.core.provider;

import io.crosswatch.core.model.Feature;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The result of a provider health check.
 *
 * @param status overall status
 * @param message a human sentence; names the cause when not {@code OK}
 * @param latency how long the check took
 * @param features features usable right now
 * @param details extra facts for {@code cw health} (server version, rate budget left, …)
 */
public record HealthReport(
    Status status,
    String message,
    Duration latency,
    Set<Feature> features,
    Map<String, String> details) {

  /** Provider status. {@code DOWN} and {@code AUTH_FAILED} make every pair using it fail. */
  public enum Status {
    OK,
    DEGRADED,
    DOWN,
    AUTH_FAILED
  }

  public HealthReport {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(latency, "latency");
    features = Set.copyOf(features);
    details = Map.copyOf(details);
  }

  public static HealthReport ok(Duration latency, Set<Feature> features) {
    return new HealthReport(Status.OK, "ok", latency, features, Map.of());
  }

  public static HealthReport down(String message, Duration latency) {
    return new HealthReport(Status.DOWN, message, latency, Set.of(), Map.of());
  }

  /** Whether the provider can be used for this run. */
  public boolean usable() {
    return status == Status.OK || status == Status.DEGRADED;
  }
}
