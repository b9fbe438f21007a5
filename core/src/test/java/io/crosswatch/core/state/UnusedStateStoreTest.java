package io.crosswatch.core.state;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnusedStateStoreTest {
  @Test
  void closesQuietlyAndRefusesEveryOtherCallNamingIt() {
    StateStore store = UnusedStateStore.create();

    assertThatThrownBy(() -> store.recentRuns(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("recentRuns");
    assertThatCode(store::close).doesNotThrowAnyException();
  }
}
