package io.crosswatch.providers.http;

import java.util.Objects;

/**
 * Which call an answer or failure belongs to, for error messages.
 *
 * @param provider the provider label, e.g. {@code TRAKT:default}
 * @param method the HTTP method
 * @param endpoint the endpoint template, e.g. {@code /sync/history} (no query, ids as {@code {id}})
 * @param attempts how many times the request was sent
 */
public record CallInfo(String provider, String method, String endpoint, int attempts) {

  public CallInfo {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** {@code "TRAKT:default GET /sync/history"}. */
  public String describe() {
    return provider + " " + method + " " + endpoint;
  }

  String attemptsText() {
    return attempts == 1 ? "1 attempt" : attempts + " attempts";
  }
}
