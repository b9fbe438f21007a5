package io.crosswatch.providers.http;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Objects;

/**
 * Settles the failures of requests that must not be sent twice ({@link ApiRequest#repeatable()}
 * false, such as a history add that records a new play each time): when the service may have acted
 * on one (a 5xx, a timeout or a broken answer after sending), the failure becomes final, so that
 * nobody retries it blindly. The next run reads the service again and sends only what is missing.
 */
public final class UnclearOutcomes {
  private UnclearOutcomes() {}

  /**
   * {@code failure} as it should be thrown for {@code request}: unchanged when the request may be
   * repeated, was surely not acted on (a refused connection, a rate limit) or is final anyway;
   * otherwise a final failure whose message says why it is not retried.
   */
  public static ProviderException settle(ApiRequest request, ProviderException failure) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(failure, "failure");
    if (request.repeatable()
        || failure.kind() != Kind.UNAVAILABLE
        || !failure.retriable()
        || neverSent(failure)) {
      return failure;
    }
    return failure.asFinal(
        failure.getMessage()
            + "; the outcome is unknown (the service may have recorded it), so it is not sent"
            + " again now; the next run reads the service again and sends only what is missing");
  }

  private static boolean neverSent(ProviderException e) {
    Throwable cause = e.getCause();
    return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
  }
}
