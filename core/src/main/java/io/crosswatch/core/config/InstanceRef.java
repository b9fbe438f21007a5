package io.crosswatch.core.config;

import java.util.Objects;

/**
 * One provider instance as a pair names it.
 *
 * @param provider the upper-case provider name, e.g. {@code TRAKT}
 * @param instance the instance name, {@code default} unless configured under {@code instances}
 */
public record InstanceRef(String provider, String instance) {
  public InstanceRef {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(instance, "instance");
  }

  /** {@code NAME:instance}, as used in the summary and in messages. */
  public String label() {
    return provider + ":" + instance;
  }
}
