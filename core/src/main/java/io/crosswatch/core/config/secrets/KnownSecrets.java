package io.crosswatch.core.config.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The secret values this process read from its config (decrypted, or in plain text under a {@link
 * SecretKeys secret key}) or was given (webhook secrets), so that every redactor masks them
 * wherever they would be printed (logs, events, errors), whichever part of the program holds them.
 *
 * <p>Process-wide on purpose: a decrypted value may travel far from the loader (into a provider's
 * error message, a request line), and every printer must know it without being handed it.
 */
public final class KnownSecrets {
  /** What a known secret is replaced with. */
  public static final String MASK = "***";

  /**
   * Shorter values (a 4-digit Plex Home PIN) are not masked by value: masking them would garble
   * ordinary numbers and text; the provider using such a value masks it by name.
   */
  private static final int MIN_LENGTH = 8;

  private static volatile List<String> values = List.of();

  private KnownSecrets() {}

  /** Adds a decrypted value; values shorter than 8 characters are ignored. */
  public static synchronized void add(String value) {
    String v = value == null ? "" : value.strip();
    if (v.length() < MIN_LENGTH || values.contains(v)) {
      return;
    }
    List<String> next = new ArrayList<>(values);
    next.add(v);
    // Longest first, so that a secret containing another is masked whole.
    next.sort(Comparator.comparingInt(String::length).reversed());
    values = List.copyOf(next);
  }

  /** Every known value, longest first. */
  public static List<String> all() {
    return values;
  }

  /** The text with every known value masked. */
  public static String mask(String text) {
    List<String> known = values;
    if (text == null || known.isEmpty()) {
      return text;
    }
    String t = text;
    for (String secret : known) {
      t = t.replace(secret, MASK);
    }
    return t;
  }
}
