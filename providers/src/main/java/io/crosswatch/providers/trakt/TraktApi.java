package io.crosswatch.providers.trakt;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.Answers;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Trakt calls over the shared client: JSON in and out, statuses turned into exceptions. */
final class TraktApi {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The most items Trakt returns per page; it caps larger limits to this. */
  static final int PAGE_LIMIT = 100;

  private static final int MAX_PAGES = 100_000;

  private final HttpApiClient client;
  private final TraktTokens tokens;

  TraktApi(HttpApiClient client, TraktTokens tokens) {
    this.client = client;
    this.tokens = tokens;
  }

  TraktTokens tokens() {
    return tokens;
  }

  HttpApiClient client() {
    return client;
  }

  /** Sends a request and returns its JSON body, or throws what a non-2xx status means. */
  JsonNode call(ApiRequest request) throws ProviderException {
    return json(checked(request));
  }

  /**
   * Sends a request with the user's token and returns the answer when it is 2xx. A 401 refreshes
   * the tokens once and sends the request again (a 401 means it was not acted on).
   */
  HttpAnswer checked(ApiRequest request) throws ProviderException {
    HttpAnswer answer = answer(request);
    if (!answer.isSuccess()) {
      throw failure(answer);
    }
    return answer;
  }

  /**
   * Sends a request with the user's token and returns the answer whatever its status. A 401
   * refreshes the tokens once and sends the request again (a 401 means it was not acted on).
   */
  HttpAnswer answer(ApiRequest request) throws ProviderException {
    HttpAnswer answer = client.send(authorized(request));
    if (answer.status() == 401 && tokens.refreshAfterUnauthorized()) {
      answer = client.send(authorized(request));
    }
    return answer;
  }

  private ApiRequest authorized(ApiRequest request) throws ProviderException {
    String token = tokens.accessToken();
    return token.isEmpty() ? request : request.withHeader("Authorization", "Bearer " + token);
  }

  /**
   * Every row of a list endpoint. With {@code alwaysPaged} pages of {@link #PAGE_LIMIT} are asked
   * for; either way, pages are followed while {@code X-Pagination-Page-Count} says there are more,
   * never assuming the limit asked for was honoured.
   */
  List<JsonNode> readAll(String path, boolean alwaysPaged) throws ProviderException {
    return readAll(ApiRequest.get(path), alwaysPaged);
  }

  /** As {@link #readAll(String, boolean)}, for a request that carries its own query. */
  List<JsonNode> readAll(ApiRequest first, boolean alwaysPaged) throws ProviderException {
    String path = first.path();
    List<JsonNode> rows = new ArrayList<>();
    Integer limit = alwaysPaged ? PAGE_LIMIT : null;
    for (int page = 1; page <= MAX_PAGES; page++) {
      ApiRequest request = first;
      if (limit != null) {
        request = request.withQuery("page", page).withQuery("limit", limit);
      }
      HttpAnswer answer = checked(request);
      JsonNode body = json(answer);
      if (!body.isArray()) {
        throw Answers.malformed(answer, "expected a JSON array");
      }
      body.forEach(rows::add);
      int current = answer.intHeader("X-Pagination-Page").orElse(page);
      int pageCount = answer.intHeader("X-Pagination-Page-Count").orElse(current);
      if (current >= pageCount || body.isEmpty()) {
        return rows;
      }
      if (limit == null) {
        // Paged although not asked to: keep the service's own page size so no row is skipped.
        limit = answer.intHeader("X-Pagination-Limit").orElse(body.size());
      }
      page = current;
    }
    throw new ProviderException(
        Kind.UNAVAILABLE,
        client.provider() + " GET " + path + ": more than " + MAX_PAGES + " pages",
        true,
        null);
  }

  JsonNode json(HttpAnswer answer) throws ProviderException {
    return Answers.json(answer, MAPPER);
  }

  /** What a non-2xx answer means, as an exception carrying the call's context. */
  ProviderException failure(HttpAnswer answer) {
    if (answer.status() == 401) {
      return ProviderException.permanent(
          Kind.AUTH,
          answer.describe() + ": the access token is invalid or expired; " + tokens.advice());
    }
    return failureOf(answer, client);
  }

  /** What a non-2xx answer other than a 401 means. */
  static ProviderException failureOf(HttpAnswer answer, HttpApiClient client) {
    String what = answer.describe();
    int status = answer.status();
    if (status == 401) {
      return ProviderException.permanent(Kind.AUTH, what + ": not authorized");
    }
    if (status == 403) {
      return ProviderException.permanent(
          Kind.AUTH,
          what
              + ": the client_id (api key) was refused or the app is not approved; check trakt.client_id");
    }
    if (status == 420) {
      String limit = answer.header("X-Account-Limit").map(l -> l + " items").orElse("unknown");
      return ProviderException.permanent(
          Kind.LIMIT,
          what
              + ": account limit reached (limit "
              + limit
              + "); remove items on Trakt or upgrade the account");
    }
    if (status == 423) {
      return ProviderException.permanent(Kind.AUTH, what + ": the Trakt account is locked");
    }
    if (status == 429) {
      return Answers.rateLimited(answer, client, "");
    }
    if (status >= 500) {
      return new ProviderException(
          Kind.UNAVAILABLE, what + ": Trakt is unavailable; try again later", true, null);
    }
    return ProviderException.permanent(
        Kind.REJECTED, what + ": request refused" + errorText(answer));
  }

  private static String errorText(HttpAnswer answer) {
    try {
      JsonNode error = MAPPER.readTree(answer.body()).get("error");
      return error != null && error.isString() ? " (" + error.stringValue() + ")" : "";
    } catch (JacksonException e) {
      return "";
    }
  }
}
