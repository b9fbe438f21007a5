package io.crosswatch.providers.scrobble;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.providers.http.HttpAnswer;
import java.util.function.Function;

/**
 * What a tracker's answer to {@code POST /scrobble/start|pause|stop} means (Trakt, SIMKL, MDBList):
 * 409 is the same viewing already recorded, a 2xx was sent, 404 a title the service does not know
 * (permanent); anything else is the service's own failure (429 and 5xx retriable).
 */
public final class ScrobbleAnswers {
  private ScrobbleAnswers() {}

  /** A progress percentage as sent: within 0–100, two decimals. */
  public static double progress(double percent) {
    double clamped = Math.max(0.0, Math.min(100.0, percent));
    return Math.round(clamped * 100.0) / 100.0;
  }

  /**
   * The outcome of an answer.
   *
   * @param service the service's name for messages, e.g. {@code SIMKL}
   * @param failure what any other non-2xx answer means on this service
   */
  public static ScrobbleOutcome outcome(
      HttpAnswer answer, Item item, String service, Function<HttpAnswer, ProviderException> failure)
      throws ProviderException {
    if (answer.status() == 409) {
      return ScrobbleOutcome.ALREADY_RECORDED;
    }
    if (answer.isSuccess()) {
      return ScrobbleOutcome.SENT;
    }
    if (answer.status() == 404) {
      throw ProviderException.permanent(
          Kind.REJECTED,
          answer.describe()
              + ": "
              + service
              + " does not know "
              + item.label()
              + " by the ids sent");
    }
    throw failure.apply(answer);
  }

  /**
   * The permanent failure of an item that cannot be sent at all.
   *
   * @param label the instance, {@code NAME:instance}
   * @param needs which ids the service looks titles up by
   */
  public static ProviderException noIds(
      String label, ScrobbleAction action, Item item, String needs) {
    return ProviderException.permanent(
        Kind.REJECTED,
        label + " scrobble " + action.key() + " of " + item.label() + ": no id " + needs);
  }
}
