package io.crosswatch.providers.cache;

import java.nio.charset.StandardCharsets;

/** File-name-safe forms of provider and instance names, for the state dir's per-instance files. */
public final class Names {
  private Names() {}

  /** {@code <PROVIDER>-<instance>.json}, each name made {@link #safe}. */
  public static String fileName(String provider, String instance) {
    return safe(provider) + "-" + safe(instance) + ".json";
  }

  /** Letters, digits, {@code _ - .} (not leading) stay; every other byte becomes {@code %XX}. */
  static String safe(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || (c == '.' && sb.length() > 0);
      sb.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
    }
    return sb.toString();
  }
}
