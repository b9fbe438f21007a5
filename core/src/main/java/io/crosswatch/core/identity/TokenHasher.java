package io.crosswatch.core.identity;

/**
 * Builds the two 64-bit hashes of an identity token from its parts, without allocating.
 *
 * <p>Usage: {@code reset(tag)}, then {@code add(...)} each part, then read {@link #h1()} and {@link
 * #h2()}.
 */
final class TokenHasher {
  private static final long PRIME_1 = 0x100000001b3L;
  private static final long PRIME_2 = 0x9E3779B97F4A7C15L;

  private long a;
  private long b;

  TokenHasher reset(int tag) {
    a = 0xcbf29ce484222325L;
    b = 0x84222325cbf29ce4L;
    return add(tag);
  }

  TokenHasher add(int value) {
    a = (a ^ value) * PRIME_1;
    b = (b ^ value) * PRIME_2;
    a = (a ^ 0xff) * PRIME_1; // separator, so that ("ab", 1) and ("a", "b1") differ
    b = (b ^ 0xff) * PRIME_2;
    return this;
  }

  TokenHasher add(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      a = (a ^ c) * PRIME_1;
      b = (b ^ c) * PRIME_2;
    }
    return add(value.length());
  }

  long h1() {
    return mix(a);
  }

  long h2() {
    return mix(b ^ 0x5bd1e9955bd1e995L);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
