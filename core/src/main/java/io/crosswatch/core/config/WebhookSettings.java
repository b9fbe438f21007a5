package io.crosswatch.core.config;

/**
 * {@code scheduling.webhooks}: where the service reports the start, success and failure of runs. An
 * empty URL sends nothing for that event.
 */
public record WebhookSettings(
    boolean enabled, String startUrl, String successUrl, String failureUrl, int timeoutSeconds) {
  /** Notifications off. */
  public static final WebhookSettings DEFAULTS = new WebhookSettings(false, "", "", "", 10);
}
