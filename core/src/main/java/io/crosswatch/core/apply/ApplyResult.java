package io.crosswatch.core.apply;

import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import java.util.List;

/**
 * What one operation (e.g. adds of history to one provider) achieved.
 *
 * @param chunks chunks attempted
 * @param outcomes settled outcomes of every attempted item
 * @param failure why the operation stopped early, or {@code null} when every chunk was attempted
 * @param notAttempted how many items were left unattempted because of {@code failure}
 * @param failureKind what kind of provider failure stopped the operation, or {@code null} (none, or
 *     an exhausted retry budget or unexpected error)
 */
public record ApplyResult(
    int chunks,
    List<ItemOutcome> outcomes,
    String failure,
    int notAttempted,
    ProviderException.Kind failureKind) {
  public ApplyResult {
    outcomes = List.copyOf(outcomes);
  }

  /** Whether an account limit (a full list) stopped the operation. */
  public boolean limitReached() {
    return failureKind == ProviderException.Kind.LIMIT;
  }
}
