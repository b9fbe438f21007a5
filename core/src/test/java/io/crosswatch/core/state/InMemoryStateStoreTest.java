package io.crosswatch.core.state;

/** The in-memory store holds to the store contract. */
class InMemoryStateStoreTest extends StateStoreContract {
  @Override
  StateStore newStore() {
    return new InMemoryStateStore();
  }
}
