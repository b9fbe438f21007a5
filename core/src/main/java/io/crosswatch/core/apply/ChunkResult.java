package io.crosswatch.core.apply;

import io.crosswatch.core.provider.ItemOutcome;
import java.util.List;

/**
 * The settled outcomes of one chunk.
 *
 * @param index 1-based chunk number within its operation
 * @param of how many chunks the operation has
 * @param attempts calls made for this chunk (1 when nothing was retried)
 */
public record ChunkResult(int index, int of, List<ItemOutcome> outcomes, int attempts) {
  public ChunkResult {
    outcomes = List.copyOf(outcomes);
  }
}
