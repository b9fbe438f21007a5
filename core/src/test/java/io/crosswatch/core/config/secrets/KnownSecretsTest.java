package io.crosswatch.core.config.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Decrypted values are masked anywhere in a text, whole; values too short to be safe are not. */
class KnownSecretsTest {
  @Test
  void aValueIsMaskedWholeEvenWhenAnotherContainsIt() {
    KnownSecrets.add("known-secret-inner");
    KnownSecrets.add("outer-known-secret-inner-tail");

    assertThat(KnownSecrets.mask("a outer-known-secret-inner-tail b known-secret-inner c"))
        .isEqualTo("a *** b *** c");
  }

  @Test
  void shortValuesLikeAPinAreNotMaskedSoNumbersStayReadable() {
    KnownSecrets.add("1234");
    KnownSecrets.add("  ");
    KnownSecrets.add(null);

    assertThat(KnownSecrets.mask("planned 1234 items")).isEqualTo("planned 1234 items");
    assertThat(KnownSecrets.all()).doesNotContain("1234");
  }
}
