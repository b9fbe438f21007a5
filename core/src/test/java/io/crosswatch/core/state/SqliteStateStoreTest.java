package io.crosswatch.core.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store holds to the store contract. */
class SqliteStateStoreTest extends StateStoreContract {
  @TempDir Path stateDir;

  @Override
  StateStore newStore() {
    return SqliteStateStore.open(stateDir);
  }
}
