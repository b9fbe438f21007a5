package io.crosswatch.core.config;

/**
 * The {@code web} block of {@code cw serve}.
 *
 * @param listen {@code HOST:PORT} to listen on, or {@code null} for the default
 */
public record WebSettings(String listen) {
  /** Nothing set. */
  public static final WebSettings DEFAULTS = new WebSettings(null);
}
