package io.crosswatch.core.state;

/** What both stores' transactions share: they are usable only until their block ends. */
abstract class OpenTransaction implements StateTransaction {
  private boolean open = true;

  /** Marks the transaction's block as over; later writes fail. */
  final void end() {
    open = false;
  }

  /** Fails when the transaction's block is over. */
  final void ensureOpen() {
    if (!open) {
      throw new IllegalStateException("state transaction already ended");
    }
  }
}
