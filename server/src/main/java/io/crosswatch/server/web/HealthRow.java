package io.crosswatch.server.web;

/** One provider instance's health as the dashboard shows it. */
public record HealthRow(String instance, String status, String message, long latencyMs) {
  /** {@code ok}, {@code warn} or {@code bad}: the colour of the status badge. */
  public String tone() {
    return switch (status) {
      case "ok" -> "ok";
      case "degraded" -> "warn";
      default -> "bad";
    };
  }
}
