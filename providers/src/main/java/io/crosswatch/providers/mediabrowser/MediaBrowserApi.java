package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.Answers;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to one Jellyfin or Emby server over the shared client: the Emby path prefix found by
 * probing, JSON in and out, statuses turned into exceptions, and paged item reads.
 */
final class MediaBrowserApi {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Items asked for per page; a server may send fewer, which paging copes with. */
  static final int PAGE_SIZE = 500;

  private static final int MAX_PAGES = 100_000;
  private static final String EMBY_PREFIX = "/emby";

  private final HttpApiClient client;
  private final Dialect dialect;
  private final boolean prefixGiven;
  private volatile String prefix;

  /**
   * @param prefixGiven whether the configured address already ends with the {@code /emby} prefix,
   *     so that no probing is needed
   */
  MediaBrowserApi(HttpApiClient client, Dialect dialect, boolean prefixGiven) {
    this.client = client;
    this.dialect = dialect;
    this.prefixGiven = prefixGiven;
    this.prefix = dialect == Dialect.JELLYFIN || prefixGiven ? "" : null;
  }

  HttpApiClient client() {
    return client;
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * The server's public info ({@code /System/Info/Public}). On Emby, the first call finds out
   * whether paths need the {@code /emby} prefix: a 404 without it means they do.
   */
  JsonNode publicInfo() throws ProviderException {
    ApiRequest request = ApiRequest.get("/System/Info/Public");
    if (prefix != null) {
      return call(request);
    }
    synchronized (this) {
      HttpAnswer plain = client.send(request);
      if (plain.status() == 404 && !prefixGiven) {
        HttpAnswer prefixed = client.send(prefixed(request, EMBY_PREFIX));
        if (prefixed.isSuccess()) {
          prefix = EMBY_PREFIX;
          return json(prefixed);
        }
      }
      if (!plain.isSuccess()) {
        throw failure(plain);
      }
      prefix = "";
      return json(plain);
    }
  }

  /** The path prefix in use ({@code ""} or {@code /emby}); probes first when unknown. */
  String prefix() throws ProviderException {
    if (prefix == null) {
      publicInfo();
    }
    return prefix;
  }

  /** Sends a request (with the prefix) and returns its answer whatever the status. */
  HttpAnswer send(ApiRequest request) throws ProviderException {
    return client.send(prefixed(request, prefix()));
  }

  /** Sends a request and returns its JSON body, or throws what a non-2xx status means. */
  JsonNode call(ApiRequest request) throws ProviderException {
    HttpAnswer answer = send(request);
    if (!answer.isSuccess()) {
      throw failure(answer);
    }
    return json(answer);
  }

  /**
   * Every item of a query, page by page: {@code StartIndex} moves by the items actually received (a
   * server may cap {@code Limit}) until {@code TotalRecordCount} is reached or a page is empty.
   */
  List<JsonNode> readAll(ApiRequest query) throws ProviderException {
    List<JsonNode> rows = new ArrayList<>();
    int start = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      ApiRequest request =
          query
              .withQuery("StartIndex", start)
              .withQuery("Limit", PAGE_SIZE)
              .withQuery("EnableTotalRecordCount", "true");
      HttpAnswer answer = send(request);
      if (!answer.isSuccess()) {
        throw failure(answer);
      }
      JsonNode body = json(answer);
      JsonNode items = body.get("Items");
      if (items == null || !items.isArray()) {
        throw Answers.malformed(answer, "expected an object with an Items list");
      }
      items.forEach(rows::add);
      start += items.size();
      int total = body.path("TotalRecordCount").asInt(0);
      if (items.isEmpty() || start >= total) {
        return rows;
      }
    }
    throw new ProviderException(
        Kind.UNAVAILABLE,
        client.provider() + " GET " + query.endpoint() + ": more than " + MAX_PAGES + " pages",
        true,
        null);
  }

  JsonNode json(HttpAnswer answer) throws ProviderException {
    return Answers.json(answer, MAPPER);
  }

  /** What a non-2xx answer means, as an exception carrying the call's context. */
  ProviderException failure(HttpAnswer answer) {
    String what = answer.describe();
    int status = answer.status();
    String auth = "cw auth " + dialect.blockName();
    if (status == 401) {
      return ProviderException.permanent(
          Kind.AUTH,
          what
              + ": the access token is invalid or was revoked (a login from the same device_id"
              + " revokes the previous token); run "
              + auth
              + " again");
    }
    if (status == 403) {
      return ProviderException.permanent(
          Kind.AUTH,
          what + ": access denied; check that user_id belongs to the token's user (" + auth + ")");
    }
    if (status == 429) {
      Duration wait = answer.retryAfter(client.clock().instant()).orElse(null);
      return new ProviderException(Kind.RATE_LIMITED, what + ": rate limited", true, wait);
    }
    if (status >= 500) {
      return new ProviderException(
          Kind.UNAVAILABLE,
          what + ": the " + dialect.product() + " server failed; try again later",
          true,
          null);
    }
    return ProviderException.permanent(Kind.REJECTED, what + ": request refused");
  }

  private static ApiRequest prefixed(ApiRequest request, String prefix) {
    if (prefix.isEmpty()) {
      return request;
    }
    return new ApiRequest(
        request.method(),
        prefix + request.path(),
        request.query(),
        request.headers(),
        request.body(),
        request.template() == null ? null : prefix + request.template(),
        request.repeatable(),
        request.markedWrite(),
        request.clientRetries());
  }
}
