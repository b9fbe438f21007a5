package io.crosswatch.core.config.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The key for CrossWatch's encrypted config values and where it came from.
 *
 * <p>Looked for, in this order, in {@code $CW_CONFIG_KEY}, {@code $CROSSWATCH_CONFIG_KEY} and the
 * file {@code .cw_master_key} beside the config, as CrossWatch does. The text (trimmed) is used as
 * CrossWatch uses it: 32 bytes written as url-safe base64 are the Fernet key itself; any other text
 * is a passphrase whose SHA-256 is the key.
 *
 * @param fernet the key, ready to decrypt
 * @param source where it was found, for messages ({@code CW_CONFIG_KEY} or the file's path)
 */
public record ConfigKey(Fernet fernet, String source) {
  /** The environment variables read, in order. */
  public static final List<String> ENV_NAMES = List.of("CW_CONFIG_KEY", "CROSSWATCH_CONFIG_KEY");

  /** The key file's name, in the config file's folder. */
  public static final String FILE_NAME = ".cw_master_key";

  public ConfigKey {
    Objects.requireNonNull(fernet, "fernet");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The first key found, or empty when there is none.
   *
   * @throws IOException when the key file exists but cannot be read
   */
  public static Optional<ConfigKey> find(Map<String, String> env, Path configDir)
      throws IOException {
    for (String name : ENV_NAMES) {
      String value = env.getOrDefault(name, "").strip();
      if (!value.isEmpty()) {
        return Optional.of(new ConfigKey(fromText(value), name));
      }
    }
    Path file = keyFile(configDir);
    if (Files.isRegularFile(file)) {
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!value.isEmpty()) {
        return Optional.of(new ConfigKey(fromText(value), file.toString()));
      }
    }
    return Optional.empty();
  }

  /** The key file beside a config in {@code configDir}. */
  public static Path keyFile(Path configDir) {
    return configDir.resolve(FILE_NAME);
  }

  /** Every place a key is looked for, for messages. */
  public static String places(Path configDir) {
    return String.join(", ", ENV_NAMES) + " and " + keyFile(configDir);
  }

  /** The Fernet key a key text stands for (see the class comment). */
  static Fernet fromText(String text) {
    String value = text.strip();
    return Fernet.ofEncodedKey(value).orElseGet(() -> new Fernet(sha256(value)));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
