package io.crosswatch.core.config.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Fernet as specified (github.com/fernet/spec, generate.json and verify.json) and as CrossWatch
 * uses it: tokens decrypt without a time limit, a wrong key or a changed byte is refused.
 */
class FernetTest {
  /** The spec's key, IV, time, plaintext and token. */
  static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

  static final String SPEC_TOKEN =
      "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

  private static final byte[] SPEC_IV = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  private static final long SPEC_TIME =
      OffsetDateTime.parse("1985-10-26T01:20:00-07:00").toEpochSecond();

  private final Fernet spec = Fernet.ofEncodedKey(SPEC_KEY).orElseThrow();

  @Test
  void theSpecTokenDecryptsToHello() throws Exception {
    assertThat(spec.decryptText(SPEC_TOKEN)).isEqualTo("hello");
  }

  @Test
  void encryptingWithTheSpecIvAndTimeGivesTheSpecToken() {
    String token = spec.encrypt("hello".getBytes(StandardCharsets.UTF_8), SPEC_TIME, SPEC_IV);

    assertThat(token).isEqualTo(SPEC_TOKEN);
  }

  @Test
  void anOldTokenStillDecryptsBecauseNoTimeLimitApplies() throws Exception {
    // The spec token is from 1985; CrossWatch decrypts its values without a ttl.
    assertThat(spec.decrypt(SPEC_TOKEN)).hasSize(5);
  }

  @Test
  void ownKeyRoundTripsTextOfEveryLength() throws Exception {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (31 * i + 7);
    }
    Fernet fernet = new Fernet(key);
    for (int length = 0; length <= 40; length++) {
      String text = "ü".repeat(length / 2) + "x".repeat(length - length / 2);
      String token =
          fernet.encrypt(text.getBytes(StandardCharsets.UTF_8), 1_767_225_600L, new byte[16]);
      assertThat(fernet.decryptText(token)).as("length %d", length).isEqualTo(text);
    }
  }

  @Test
  void aWrongKeyIsRefusedAsNotMatching() {
    Fernet other = Fernet.ofEncodedKey(Base64.getUrlEncoder().encodeToString(new byte[32])).get();

    assertThatThrownBy(() -> other.decrypt(SPEC_TOKEN))
        .isInstanceOf(FernetException.class)
        .hasMessageContaining("wrong key");
  }

  @Test
  void aChangedCiphertextByteIsRefused() {
    byte[] raw = Base64.getUrlDecoder().decode(SPEC_TOKEN);
    raw[30] ^= 1;
    String changed = Base64.getUrlEncoder().encodeToString(raw);

    assertThatThrownBy(() -> spec.decrypt(changed))
        .isInstanceOf(FernetException.class)
        .hasMessageContaining("wrong key, or the value was changed");
  }

  @Test
  void somethingThatIsNotAFernetTokenIsSaidToBeNone() {
    String shortToken = Base64.getUrlEncoder().encodeToString(new byte[40]);
    byte[] wrongVersion = Base64.getUrlDecoder().decode(SPEC_TOKEN);
    wrongVersion[0] = (byte) 0x81;

    assertThatThrownBy(() -> spec.decrypt("%%%%not base64%%%"))
        .isInstanceOf(FernetException.class)
        .hasMessageContaining("not");
    assertThatThrownBy(() -> spec.decrypt(shortToken)).hasMessageContaining("not a Fernet token");
    assertThatThrownBy(() -> spec.decrypt(Base64.getUrlEncoder().encodeToString(wrongVersion)))
        .hasMessageContaining("not a Fernet token");
  }

  @Test
  void aKeyMustBeThirtyTwoBytes() {
    assertThat(Fernet.ofEncodedKey("c2hvcnQ=")).isEmpty();
    assertThatThrownBy(() -> new Fernet(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
