package io.crosswatch.server.auth;

import io.crosswatch.core.config.secrets.KnownSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-source secrets of the webhook URLs in {@code <state_dir>/secrets/webhooks.json} (0600),
 * one per media server instance, created on first need.
 *
 * <p>They are kept as they are (not hashed): {@code cw web webhooks} prints the full URLs to paste
 * into the servers whenever asked. The file is readable by its owner only, and every secret read is
 * registered with {@link KnownSecrets}, so that a message quoting one is masked.
 */
public final class WebhookSecrets {
  /** Webhook secrets start with this, so they are recognisable in URLs. */
  public static final String PREFIX = "cwh_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CachedSecretFile secrets;

  /** The webhook secrets of one state dir. */
  public WebhookSecrets(Path stateDir) {
    this.secrets =
        new CachedSecretFile(
            stateDir.resolve("secrets").resolve("webhooks.json"),
            "delete it, run cw web webhooks and paste the new URLs into the media servers");
  }

  /** The file the secrets are kept in. */
  public Path file() {
    return secrets.file();
  }

  /**
   * The secret of one source ({@code PLEX}, {@code default}), created (dated {@code now}) when it
   * has none yet.
   */
  public synchronized String secret(String provider, String instance, Instant now) {
    ObjectNode root = read();
    String key = key(provider, instance);
    JsonNode entry = root.get(key);
    if (entry != null && entry.path("secret").isString()) {
      return known(entry.path("secret").stringValue());
    }
    return create(root, key, now);
  }

  /** Replaces the secret of one source with a new one; the old URL stops working at once. */
  public synchronized String rotate(String provider, String instance, Instant now) {
    return create(read(), key(provider, instance), now);
  }

  /**
   * Whether {@code presented} is the secret of the source, compared in constant time. A source
   * without a secret accepts nothing (and gets none created here). The stored secret, which {@code
   * cw web webhooks} may have made in another process, becomes a known secret here.
   */
  public boolean matches(String provider, String instance, String presented) {
    JsonNode entry = secrets.stored().get(key(provider, instance));
    Optional<String> stored =
        entry != null && entry.path("secret").isString()
            ? Optional.of(known(entry.path("secret").stringValue()))
            : Optional.empty();
    byte[] given = (presented == null ? "" : presented).getBytes(StandardCharsets.UTF_8);
    byte[] expected =
        stored.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> new byte[32]);
    boolean equal = MessageDigest.isEqual(given, expected);
    return stored.isPresent() && presented != null && equal;
  }

  private String create(ObjectNode root, String key, Instant now) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ObjectNode entry = root.putObject(key);
    entry.put("secret", secret);
    entry.put("created_at", now.toString());
    write(root);
    return known(secret);
  }

  private static String known(String secret) {
    KnownSecrets.add(secret);
    return secret;
  }

  private static String key(String provider, String instance) {
    return provider + ":" + instance;
  }

  private ObjectNode read() {
    return secrets.copy();
  }

  private void write(ObjectNode root) {
    secrets.write(root);
  }
}
