package io.crosswatch.testkit.fake;

import java.time.Instant;
import java.util.Objects;

/**
 * One request a fake server received, with the status it answered.
 *
 * @param request what arrived
 * @param status the status sent back
 * @param at when it arrived, by the fake server's clock
 */
public record RecordedRequest(FakeRequest request, int status, Instant at) {

  public RecordedRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(at, "at");
  }

  public String method() {
    return request.method();
  }

  public String path() {
    return request.path();
  }

  /** {@code "GET /sync/history"}. */
  public String endpoint() {
    return request.endpoint();
  }
}
