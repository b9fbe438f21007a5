package io.crosswatch.core.config.secrets;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which config keys hold secrets: a key naming a token, secret, password, API key, PIN or cookie
 * ({@code access_token}, {@code client_secret}, {@code api_key}, …), at any depth. The config API
 * and page mask their values; the loader makes their values {@link KnownSecrets}, so that a token
 * kept in plain text in the config is masked wherever it would be printed, as a decrypted one is.
 */
public final class SecretKeys {
  private static final Set<String> MARKERS =
      Set.of("token", "secret", "password", "passwd", "api_key", "apikey", "pin", "cookie");

  private SecretKeys() {}

  /** Whether {@code key} names a secret. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return MARKERS.stream().anyMatch(k::contains);
  }

  /**
   * Adds to {@link KnownSecrets} every text value held under a secret key in {@code config}, at any
   * depth (values shorter than {@link KnownSecrets} masks are left out there).
   */
  public static void remember(JsonNode config) {
    if (config.isObject()) {
      for (Map.Entry<String, JsonNode> e : config.properties()) {
        if (isSecret(e.getKey()) && e.getValue().isString()) {
          KnownSecrets.add(e.getValue().stringValue());
        } else {
          remember(e.getValue());
        }
      }
    } else if (config.isArray()) {
      config.forEach(SecretKeys::remember);
    }
  }
}
