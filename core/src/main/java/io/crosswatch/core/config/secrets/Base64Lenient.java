package io.crosswatch.core.config.secrets;

import java.util.Base64;
import java.util.Optional;

/**
 * Decodes base64 the way Python's {@code base64.urlsafe_b64decode} does, which is how CrossWatch
 * reads its keys and tokens: both alphabets are accepted, characters outside them are skipped, and
 * the padding must be complete.
 */
final class Base64Lenient {
  private Base64Lenient() {}

  /** The bytes of {@code text}, or empty when it is not base64 by that rule. */
  static Optional<byte[]> decode(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '-') {
        clean.append('+');
      } else if (c == '_') {
        clean.append('/');
      } else if (isAlphabet(c)) {
        clean.append(c);
      }
    }
    if (clean.length() == 0 || clean.length() % 4 != 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(clean.toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isAlphabet(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }
}
