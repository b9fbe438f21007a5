package io.crosswatch.core.config.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fernet tokens (AES-128-CBC with PKCS#7 padding, authenticated by HMAC-SHA256), the format
 * CrossWatch stores encrypted config values in.
 *
 * <p>A token is base64url of {@code 0x80 | timestamp (8 bytes) | IV (16) | ciphertext | HMAC (32)};
 * the 32-byte key holds the signing key (first half) and the encryption key (second half). The
 * timestamp is not checked: CrossWatch decrypts without a time limit, so a value stays readable
 * however old it is.
 */
public final class Fernet {
  private static final byte VERSION = (byte) 0x80;
  private static final int HEADER = 1 + 8 + 16;
  private static final int MAC_LENGTH = 32;
  private static final int BLOCK = 16;

  private final byte[] signingKey;
  private final byte[] encryptionKey;

  /** A Fernet for a raw 32-byte key. */
  public Fernet(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != 32) {
      throw new IllegalArgumentException("a Fernet key has 32 bytes, got " + key.length);
    }
    this.signingKey = Arrays.copyOfRange(key, 0, 16);
    this.encryptionKey = Arrays.copyOfRange(key, 16, 32);
  }

  /** A Fernet for a key written as 32 bytes of url-safe base64, or empty when it is not one. */
  public static Optional<Fernet> ofEncodedKey(String encoded) {
    return Base64Lenient.decode(encoded).filter(bytes -> bytes.length == 32).map(Fernet::new);
  }

  /**
   * The plaintext of {@code token}.
   *
   * @throws FernetException when the token is malformed, or its HMAC does not match this key
   */
  public byte[] decrypt(String token) throws FernetException {
    byte[] data =
        Base64Lenient.decode(token)
            .orElseThrow(() -> new FernetException("it is not url-safe base64"));
    if (data.length < HEADER + BLOCK + MAC_LENGTH
        || data[0] != VERSION
        || (data.length - HEADER - MAC_LENGTH) % BLOCK != 0) {
      throw new FernetException("it is not a Fernet token");
    }
    int signed = data.length - MAC_LENGTH;
    byte[] expected = hmac(Arrays.copyOfRange(data, 0, signed));
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(data, signed, data.length))) {
      throw new FernetException("the key does not match it (wrong key, or the value was changed)");
    }
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new IvParameterSpec(data, 9, 16));
      return aes.doFinal(data, HEADER, signed - HEADER);
    } catch (GeneralSecurityException e) {
      throw new FernetException("its content is damaged");
    }
  }

  /** The plaintext of {@code token} as UTF-8 text. */
  public String decryptText(String token) throws FernetException {
    return new String(decrypt(token), StandardCharsets.UTF_8);
  }

  /** A token for {@code plaintext} made at {@code epochSeconds} with the given 16-byte IV. */
  public String encrypt(byte[] plaintext, long epochSeconds, byte[] iv) {
    Objects.requireNonNull(plaintext, "plaintext");
    if (iv.length != 16) {
      throw new IllegalArgumentException("a Fernet IV has 16 bytes, got " + iv.length);
    }
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new IvParameterSpec(iv));
      byte[] ciphertext = aes.doFinal(plaintext);
      ByteBuffer body = ByteBuffer.allocate(HEADER + ciphertext.length + MAC_LENGTH);
      body.put(VERSION).putLong(epochSeconds).put(iv).put(ciphertext);
      body.put(hmac(Arrays.copyOfRange(body.array(), 0, HEADER + ciphertext.length)));
      return Base64.getUrlEncoder().encodeToString(body.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available in this JDK", e);
    }
  }

  private byte[] hmac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}
