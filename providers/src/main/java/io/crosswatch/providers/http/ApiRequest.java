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
 * @param markedWrite whether the request writes although its method is a reading one (Plex records
 *     a play with a GET); see {@link #isWrite()}
 * @param clientRetries whether {@link HttpApiClient} retries this write itself, as it does reads:
 *     for writes that are not part of a chunk the applier retries (a token refresh)
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    String template,
    boolean repeatable,
    boolean markedWrite,
    boolean clientRetries) {

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    method = method.toUpperCase(Locale.ROOT);
    query = unmodifiableCopy(query);
    headers = unmodifiableCopy(headers);
  }

  /** A GET of {@code path}. */
  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, Map.of(), Map.of(), null, null, true, false, false);
  }

  /** A POST of {@code body} (JSON) to {@code path}. */
  public static ApiRequest post(String path, String body) {
    return new ApiRequest("POST", path, Map.of(), Map.of(), body, null, true, false, false);
  }

  /** A PUT of {@code body} (may be {@code null}) to {@code path}. */
  public static ApiRequest put(String path, String body) {
    return new ApiRequest("PUT", path, Map.of(), Map.of(), body, null, true, false, false);
  }

  /** A DELETE of {@code path}. */
  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, Map.of(), Map.of(), null, null, true, false, false);
  }

  /** This request with one more query parameter. */
  public ApiRequest withQuery(String name, Object value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, String.valueOf(value));
    return new ApiRequest(
        method, path, q, headers, body, template, repeatable, markedWrite, clientRetries);
  }

  /** This request with one more header. */
  public ApiRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiRequest(
        method, path, query, h, body, template, repeatable, markedWrite, clientRetries);
  }

  /** This request counted under an explicit endpoint template. */
  public ApiRequest withTemplate(String newTemplate) {
    return new ApiRequest(
        method, path, query, headers, body, newTemplate, repeatable, markedWrite, clientRetries);
  }

  /** This request marked as not safe to send twice (see {@link #repeatable}). */
  public ApiRequest notRepeatable() {
    return new ApiRequest(
        method, path, query, headers, body, template, false, markedWrite, clientRetries);
  }

  /** This request marked as a write although its method reads (see {@link #isWrite()}). */
  public ApiRequest asWrite() {
    return new ApiRequest(
        method, path, query, headers, body, template, repeatable, true, clientRetries);
  }

  /**
   * This write retried by {@link HttpApiClient} itself, like a read: for writes outside the chunks
   * the applier retries, such as a token refresh.
   */
  public ApiRequest withClientRetries() {
    return new ApiRequest(
        method, path, query, headers, body, template, repeatable, markedWrite, true);
  }

  /** Whether {@link HttpApiClient} retries this request itself: every read, and marked writes. */
  public boolean retriedByClient() {
    return !isWrite() || clientRetries;
  }

  /**
   * Whether this request writes (POST, PUT, PATCH, DELETE, or marked with {@link #asWrite()}): it
   * falls under write pacing, and {@link HttpApiClient} sends it once per call unless {@link
   * #withClientRetries()}, leaving retries to the caller (the applier retries a chunk as a whole,
   * so that a write is never sent more often than its retry budget allows).
   */
  public boolean isWrite() {
    return markedWrite
        || (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS"));
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
