package io.crosswatch.core.provider;

import java.util.Map;

/**
 * Request counters of one provider instance during a run.
 *
 * @param requests HTTP requests sent, retries included
 * @param retries requests that were retries
 * @param rateLimited answers that were 429 (or the service's equivalent)
 * @param byEndpoint requests per {@code "METHOD /path"} template
 */
public record ApiUsage(
    long requests, long retries, long rateLimited, Map<String, Long> byEndpoint) {
  public ApiUsage {
    byEndpoint = Map.copyOf(byEndpoint);
  }
}
