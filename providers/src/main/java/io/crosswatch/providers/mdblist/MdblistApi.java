package io.crosswatch.providers.mdblist;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.Answers;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.UnclearOutcomes;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * MDBList calls over the shared client: the api key as {@code apikey} query parameter (masked in
 * every log line), the daily quota checked before each call, statuses turned into exceptions.
 */
final class MdblistApi {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Rows asked for per page. */
  static final int PAGE_LIMIT = 100;

  private static final int MAX_PAGES = 10_000;

  private final HttpApiClient client;
  private final String apiKey;
  private final DailyQuota quota;

  MdblistApi(HttpApiClient client, String apiKey) {
    this.client = client;
    this.apiKey = apiKey;
    this.quota = new DailyQuota(client.clock());
  }

  HttpApiClient client() {
    return client;
  }

  DailyQuota quota() {
    return quota;
  }

  /** Sends a request and returns its JSON body ({@link NullNode} when empty). */
  JsonNode call(ApiRequest request) throws ProviderException {
    try {
      return send(request);
    } catch (ProviderException e) {
      throw UnclearOutcomes.settle(request, e);
    }
  }

  private JsonNode send(ApiRequest request) throws ProviderException {
    HttpAnswer answer = answer(request);
    if (!answer.isSuccess()) {
      throw failure(answer);
    }
    return json(answer);
  }

  /** The JSON body of a successful answer ({@link NullNode} when empty). */
  JsonNode json(HttpAnswer answer) throws ProviderException {
    return answer.body().isBlank() ? NullNode.getInstance() : Answers.json(answer, MAPPER);
  }

  /**
   * Sends a request within the daily quota and returns MDBList's answer whatever its status, for
   * calls that read meaning into a status (a scrobble's 409).
   */
  HttpAnswer answer(ApiRequest request) throws ProviderException {
    quota.check(client.provider() + " " + request.method() + " " + request.endpoint());
    HttpAnswer answer = client.send(request.withQuery("apikey", apiKey));
    quota.observe(answer);
    return answer;
  }

  /**
   * Every page of a paged list ({@code limit}/{@code offset}); a page's rows are the arrays under
   * {@code keys}. Assumed (unconfirmed): {@code pagination.has_more}, when present, says whether
   * more follow (so a server that caps the limit lower is still read to the end); without it, an
   * empty page or one shorter than asked ends the list.
   */
  List<Page> readAll(ApiRequest base, List<String> keys) throws ProviderException {
    List<Page> pages = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < MAX_PAGES; i++) {
      JsonNode body = call(base.withQuery("limit", PAGE_LIMIT).withQuery("offset", offset));
      Page page = new Page(body, keys);
      pages.add(page);
      JsonNode more = body.path("pagination").path("has_more");
      boolean last =
          more.isBoolean()
              ? !more.asBoolean() || page.size() == 0
              : page.size() == 0 || page.size() < PAGE_LIMIT;
      if (last) {
        return pages;
      }
      offset += page.size();
    }
    throw new ProviderException(
        Kind.UNAVAILABLE,
        client.provider() + " GET " + base.endpoint() + ": more than " + MAX_PAGES + " pages",
        true,
        null);
  }

  /** One page: its body and how many rows it held under the keys read. */
  record Page(JsonNode body, List<String> keys) {
    int size() {
      int n = 0;
      for (String k : keys) {
        JsonNode rows = body.path(k);
        n += rows.isArray() ? rows.size() : 0;
      }
      return n;
    }
  }

  /** What a non-2xx answer means, as an exception carrying the call's context. */
  ProviderException failure(HttpAnswer answer) {
    String what = answer.describe();
    int status = answer.status();
    if (status == 401 || status == 403) {
      return ProviderException.permanent(
          Kind.AUTH, what + ": the api key was refused; check mdblist.api_key");
    }
    if (status == 429) {
      return Answers.rateLimited(answer, client, "");
    }
    if (status >= 500) {
      return new ProviderException(
          Kind.UNAVAILABLE, what + ": MDBList is unavailable; try again later", true, null);
    }
    return ProviderException.permanent(Kind.REJECTED, what + ": request refused");
  }
}
