package io.crosswatch.core.guard;

import io.crosswatch.core.state.Side;
import java.util.Objects;

/**
 * One guard that fired on one side: which guard, where, how many changes it held back, and the
 * sentence the user reads.
 *
 * @param guard {@code suspect_snapshot}, {@code mass_removal} or {@code parked}
 * @param side the side the guard looked at
 * @param provider that side's provider label ({@code NAME:instance})
 * @param blocked changes it held back
 * @param message one sentence naming pair, feature, provider and numbers
 */
public record GuardNotice(String guard, Side side, String provider, int blocked, String message) {
  public GuardNotice {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(message, "message");
  }
}
