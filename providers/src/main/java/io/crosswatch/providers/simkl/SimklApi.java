package io.crosswatch.providers.simkl;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.Answers;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.http.HttpApiClient;
import io.crosswatch.providers.http.UnclearOutcomes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** SIMKL calls over the shared client: JSON in and out, statuses turned into exceptions. */
final class SimklApi {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final HttpApiClient client;
  private final String appVersion;

  SimklApi(HttpApiClient client, String appVersion) {
    this.client = client;
    this.appVersion = appVersion;
  }

  HttpApiClient client() {
    return client;
  }

  /**
   * Sends a request and returns its JSON body ({@link NullNode} for a {@code null} or empty body,
   * which is how SIMKL answers an empty list), or throws what a non-2xx status means.
   */
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

  /**
   * Sends a request and returns SIMKL's answer whatever its status, for calls that read meaning
   * into a status (a scrobble's 409, a playback's 404).
   */
  HttpAnswer answer(ApiRequest request) throws ProviderException {
    // SIMKL documents app-name and app-version as required on every request.
    return client.send(
        request.withQuery("app-name", "crosswatch").withQuery("app-version", appVersion));
  }

  /** The JSON body of a successful answer ({@link NullNode} when empty). */
  JsonNode json(HttpAnswer answer) throws ProviderException {
    return answer.body().isBlank() ? NullNode.getInstance() : Answers.json(answer, MAPPER);
  }

  /** What a non-2xx answer means, as an exception carrying the call's context. */
  ProviderException failure(HttpAnswer answer) {
    String what = answer.describe();
    int status = answer.status();
    String error = errorCode(answer);
    if (status == 401 || status == 403) {
      String fix =
          error.contains("client")
              ? "the client_id was refused; check simkl.client_id"
              : "the access token is invalid or was revoked; authorize crosswatch with SIMKL again";
      return ProviderException.permanent(Kind.AUTH, what + errorText(error) + ": " + fix);
    }
    if (status == 429) {
      return Answers.rateLimited(
          answer,
          client,
          "; SIMKL blocks clients that keep exceeding its limits, so wait before rerunning");
    }
    if (status >= 500) {
      return new ProviderException(
          Kind.UNAVAILABLE, what + ": SIMKL is unavailable; try again later", true, null);
    }
    return ProviderException.permanent(
        Kind.REJECTED, what + errorText(error) + ": request refused");
  }

  private static String errorText(String error) {
    return error.isEmpty() ? "" : " (" + error + ")";
  }

  private static String errorCode(HttpAnswer answer) {
    try {
      JsonNode error = MAPPER.readTree(answer.body()).get("error");
      return error != null && error.isString() ? error.stringValue() : "";
    } catch (JacksonException | IllegalArgumentException e) {
      return "";
    }
  }
}
