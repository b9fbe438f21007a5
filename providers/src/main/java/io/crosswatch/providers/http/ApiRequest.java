package io.crosswatch.providers.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request to send through {@link HttpApiClient}, built with the static factories and withers.
 *
 * @param method HTTP method, upper case
 * @param path path relative to the client's base URL (starting with {@code /}), or an absolute
 *     {@code http(s)://} URL
 * @param query query parameters in order (values are encoded when sent)
 * @param headers extra headers for this request (added to the client's default headers)
 * @param body the JSON (or other) body, or {@code null}
 * @param template the endpoint template counted in {@link io.crosswatch.core.provider.ApiUsage}, or
 *     {@code null} to derive it from the path
 * @param repeatable whether sending the request twice is harmless. A request that is not (a history
 *     add makes a new play every time) is retried only when the service surely did not act on it:
 *     429, or a connection that could not be opened.
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    String template,
    boolean repeatable) {

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    method = method.toUpperCase(Locale.ROOT);
    query = unmodifiableCopy(query);
    headers = unmodifiableCopy(headers);
  }

  /** A GET of {@code path}. */
  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, Map.of(), Map.of(), null, null, true);
  }

  /** A POST of {@code body} (JSON) to {@code path}. */
  public static ApiRequest post(String path, String body) {
    return new ApiRequest("POST", path, Map.of(), Map.of(), body, null, true);
  }

  /** A PUT of {@code body} (may be {@code null}) to {@code path}. */
  public static ApiRequest put(String path, String body) {
    return new ApiRequest("PUT", path, Map.of(), Map.of(), body, null, true);
  }

  /** A DELETE of {@code path}. */
  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, Map.of(), Map.of(), null, null, true);
  }

  /** This request with one more query parameter. */
  public ApiRequest withQuery(String name, Object value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, String.valueOf(value));
    return new ApiRequest(method, path, q, headers, body, template, repeatable);
  }

  /** This request with one more header. */
  public ApiRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiRequest(method, path, query, h, body, template, repeatable);
  }

  /** This request counted under an explicit endpoint template. */
  public ApiRequest withTemplate(String newTemplate) {
    return new ApiRequest(method, path, query, headers, body, newTemplate, repeatable);
  }

  /** This request marked as not safe to send twice (see {@link #repeatable}). */
  public ApiRequest notRepeatable() {
    return new ApiRequest(method, path, query, headers, body, template, false);
  }

  /** Whether this request writes (POST, PUT, PATCH, DELETE) and so falls under write pacing. */
  public boolean isWrite() {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }

  /** The endpoint template: the explicit one, else the path with ids replaced by {@code {id}}. */
  public String endpoint() {
    return template != null ? template : Endpoints.template(path);
  }

  private static Map<String, String> unmodifiableCopy(Map<String, String> map) {
    Objects.requireNonNull(map, "map");
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
