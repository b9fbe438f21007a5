package io.crosswatch.providers.plex;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.Answers;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to one Plex service (the server, Discover or plex.tv) over the shared client: JSON in, the
 * {@code MediaContainer} out, statuses turned into exceptions, lists read page by page.
 */
final class PlexApi {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final String START = "X-Plex-Container-Start";
  static final String SIZE = "X-Plex-Container-Size";
  private static final String TOTAL = "X-Plex-Container-Total-Size";
  private static final int MAX_PAGES = 100_000;

  private final HttpApiClient client;
  private final String service;
  private final String authHint;

  /**
   * @param service how messages name the service, e.g. {@code "the Plex server"}
   * @param authHint what to do when the token is refused
   */
  PlexApi(HttpApiClient client, String service, String authHint) {
    this.client = client;
    this.service = service;
    this.authHint = authHint;
  }

  HttpApiClient client() {
    return client;
  }

  /** Sends a request and returns the answer whatever its status. */
  HttpAnswer send(ApiRequest request) throws ProviderException {
    return client.send(request);
  }

  /** Sends a request and returns its JSON body, or throws what a non-2xx status means. */
  JsonNode call(ApiRequest request) throws ProviderException {
    HttpAnswer answer = client.send(request);
    if (!answer.isSuccess()) {
      throw failure(answer);
    }
    return json(answer);
  }

  /** The {@code MediaContainer} of a 2xx answer. */
  JsonNode container(ApiRequest request) throws ProviderException {
    return call(request).path("MediaContainer");
  }

  /**
   * Every {@code Metadata} entry of a list, asked for in pages of {@code pageSize} with the
   * container headers. Pages are followed until {@code totalSize} entries arrived, counting what
   * came rather than what was asked for, so a server that caps the page size loses nothing.
   */
  List<JsonNode> readAll(ApiRequest request, int pageSize) throws ProviderException {
    List<JsonNode> rows = new ArrayList<>();
    int start = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      ApiRequest paged =
          request.withHeader(START, Integer.toString(start)).withHeader(SIZE, "" + pageSize);
      HttpAnswer answer = client.send(paged);
      if (!answer.isSuccess()) {
        throw failure(answer);
      }
      JsonNode container = json(answer).path("MediaContainer");
      JsonNode items = container.path("Metadata");
      if (!items.isMissingNode() && !items.isArray()) {
        throw Answers.malformed(answer, "MediaContainer.Metadata is not a list");
      }
      items.forEach(rows::add);
      start += items.size();
      OptionalLong total = total(container, answer);
      boolean done = total.isPresent() ? start >= total.getAsLong() : items.size() < pageSize;
      if (done || items.isEmpty()) {
        return rows;
      }
    }
    throw new ProviderException(
        Kind.UNAVAILABLE,
        client.provider() + " GET " + request.path() + ": more than " + MAX_PAGES + " pages",
        true,
        null);
  }

  private static OptionalLong total(JsonNode container, HttpAnswer answer) {
    Long t = PlexEntries.whole(container.get("totalSize"));
    if (t != null) {
      return OptionalLong.of(t);
    }
    return answer.intHeader(TOTAL).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  JsonNode json(HttpAnswer answer) throws ProviderException {
    String body = answer.body();
    if (body.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (JacksonException e) {
      String hint = body.stripLeading().startsWith("<") ? " (XML: Accept header ignored?)" : "";
      throw Answers.malformed(answer, "body is not valid JSON" + hint);
    }
  }

  /** What a non-2xx answer means, as an exception carrying the call's context. */
  ProviderException failure(HttpAnswer answer) {
    String what = answer.describe();
    int status = answer.status();
    if (status == 401) {
      return ProviderException.permanent(Kind.AUTH, what + ": the token was refused; " + authHint);
    }
    if (status == 403) {
      return ProviderException.permanent(
          Kind.AUTH, what + ": this account may not use " + service + "; " + authHint);
    }
    if (status == 429) {
      return Answers.rateLimited(answer, client, "");
    }
    if (status >= 500) {
      return new ProviderException(
          Kind.UNAVAILABLE, what + ": " + service + " is unavailable; try again later", true, null);
    }
    return ProviderException.permanent(Kind.REJECTED, what + ": request refused");
  }
}
