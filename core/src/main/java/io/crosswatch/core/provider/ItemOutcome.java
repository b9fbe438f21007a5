package io.crosswatch.core.provider;

import io.crosswatch.core.model.Item;
import java.util.Objects;

/**
 * What happened to one item of a write.
 *
 * @param item the item as it was passed to the write
 * @param status the outcome
 * @param reason why, for {@code NOT_FOUND} and {@code FAILED}; {@code null} otherwise
 * @param retriable for {@code FAILED}: whether a later attempt may succeed
 */
public record ItemOutcome(Item item, Status status, String reason, boolean retriable) {

  /** Outcome of one item. */
  public enum Status {
    /** The write took effect. */
    CONFIRMED,
    /** The target already held the item: nothing changed, which is success. */
    ALREADY_PRESENT,
    /** The service does not know the title (or, for removes, did not hold it). */
    NOT_FOUND,
    /** The write failed for this item. */
    FAILED
  }

  public ItemOutcome {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(status, "status");
  }

  public static ItemOutcome confirmed(Item item) {
    return new ItemOutcome(item, Status.CONFIRMED, null, false);
  }

  public static ItemOutcome alreadyPresent(Item item) {
    return new ItemOutcome(item, Status.ALREADY_PRESENT, null, false);
  }

  public static ItemOutcome notFound(Item item, String reason) {
    return new ItemOutcome(item, Status.NOT_FOUND, reason, false);
  }

  public static ItemOutcome failed(Item item, String reason, boolean retriable) {
    return new ItemOutcome(item, Status.FAILED, reason, retriable);
  }

  /** Whether the target now holds the wanted state for this item. */
  public boolean succeeded() {
    return status == Status.CONFIRMED || status == Status.ALREADY_PRESENT;
  }
}
