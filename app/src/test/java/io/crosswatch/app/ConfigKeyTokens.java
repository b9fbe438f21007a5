package io.crosswatch.app;

import io.crosswatch.core.config.secrets.Fernet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Makes Fernet tokens the way CrossWatch does for a passphrase-style config key, for tests. */
public final class ConfigKeyTokens {
  private ConfigKeyTokens() {}

  /** The Fernet key CrossWatch derives from a passphrase: its SHA-256. */
  public static Fernet fromPassphrase(String passphrase) {
    try {
      byte[] key =
          MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
      return Fernet.ofEncodedKey(Base64.getUrlEncoder().encodeToString(key)).orElseThrow();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token of {@code plain} under the key CrossWatch derives from {@code passphrase}. */
  static String encrypt(String passphrase, byte[] plain) {
    return fromPassphrase(passphrase).encrypt(plain, 1_767_225_600L, new byte[16]);
  }
}
