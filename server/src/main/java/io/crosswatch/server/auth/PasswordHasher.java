package io.crosswatch.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Salted PBKDF2-HMAC-SHA256 password hashes, and checking a password against one. */
public final class PasswordHasher {
  /** Iterations for new hashes (the OWASP 2023 advice for PBKDF2-HMAC-SHA256). */
  public static final int ITERATIONS = 600_000;

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** A stored password: algorithm, iterations, salt and hash (Base64). */
  public record PasswordHash(String algorithm, int iterations, String salt, String hash) {}

  /** Hashes a new password with a fresh random salt. */
  public static PasswordHash hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder();
    return new PasswordHash(
        ALGORITHM,
        ITERATIONS,
        b64.encodeToString(salt),
        b64.encodeToString(derive(password, salt, ITERATIONS)));
  }

  /** Whether {@code password} matches the stored hash (compared in constant time). */
  public static boolean matches(char[] password, PasswordHash stored) {
    Objects.requireNonNull(stored, "stored");
    if (!ALGORITHM.equals(stored.algorithm()) || stored.iterations() < 1) {
      return false;
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected = b64.decode(stored.hash());
    byte[] actual = derive(password, b64.decode(stored.salt()), stored.iterations());
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java lacks " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }
}
