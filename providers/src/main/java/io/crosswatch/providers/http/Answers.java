package io.crosswatch.providers.http;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What adapters read from answers alike: JSON bodies, malformed answers and rate limiting. */
public final class Answers {
  private Answers() {}

  /**
   * The JSON body of an answer; an empty object for a blank body.
   *
   * @throws ProviderException (retriable) when the body is not JSON
   */
  public static JsonNode json(HttpAnswer answer, ObjectMapper mapper) throws ProviderException {
    String body = answer.body();
    if (body.isBlank()) {
      return mapper.createObjectNode();
    }
    try {
      return mapper.readTree(body);
    } catch (JacksonException e) {
      // The parser's own message may quote the body (which may echo a secret): position only.
      throw malformed(answer, "body is not valid JSON" + at(e.getLocation()));
    }
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** A retriable failure for an answer whose body is not what the call expects. */
  public static ProviderException malformed(HttpAnswer answer, String problem) {
    return new ProviderException(
        Kind.UNAVAILABLE, answer.call().describe() + ": unexpected answer: " + problem, true, null);
  }

  /**
   * A retriable failure for a 429 answer, carrying its {@code Retry-After} when it sent one.
   *
   * @param client the client that sent the call (for the time now)
   * @param advice what the message adds at its end, e.g. {@code "; wait before rerunning"}
   */
  public static ProviderException rateLimited(
      HttpAnswer answer, HttpApiClient client, String advice) {
    Duration wait = answer.retryAfter(client.clock().instant()).orElse(null);
    return new ProviderException(
        Kind.RATE_LIMITED,
        answer.describe()
            + ": rate limited"
            + (wait == null ? "" : ", retry after " + wait.toSeconds() + " s")
            + advice,
        true,
        wait);
  }
}
