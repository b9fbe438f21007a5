package io.crosswatch.testkit.fake;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as a fake server sees it.
 *
 * @param method HTTP method, upper case
 * @param path the decoded path, without query
 * @param query decoded query parameters (first value of each)
 * @param headers headers by lower-case name (first value of each)
 * @param body the body as UTF-8 text, empty when none
 */
public record FakeRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body) {

  public FakeRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** A header by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** A query parameter. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** The token of an {@code Authorization: Bearer …} header, trimmed. */
  public Optional<String> bearerToken() {
    return header("authorization")
        .filter(a -> a.startsWith("Bearer "))
        .map(a -> a.substring("Bearer ".length()).trim());
  }

  /** {@code "GET /sync/history"}. */
  public String endpoint() {
    return method + " " + path;
  }
}
