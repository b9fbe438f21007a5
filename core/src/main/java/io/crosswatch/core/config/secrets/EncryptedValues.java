package io.crosswatch.core.config.secrets;

import io.crosswatch.core.provider.ConfigIssue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Decrypts the values CrossWatch stored encrypted ({@code "enc:v1:<Fernet token>"}) in a config
 * tree, in place, before the config is validated.
 *
 * <p>Every string of the tree that starts with {@code enc:v1:} is decrypted, wherever it is:
 * CrossWatch encrypts by key name, and the value it hides may be any token, password or URL. The
 * decrypted values are registered with {@link KnownSecrets} so that nothing prints them. A value
 * that cannot be decrypted (no key, a wrong key, a damaged value) is an error at its JSON path
 * naming where a key is looked for; the value stays as it was.
 */
public final class EncryptedValues {
  /** The prefix CrossWatch writes before a Fernet token. */
  public static final String PREFIX = "enc:v1:";

  private final Path configDir;
  private final Map<String, String> env;
  private final List<ConfigIssue> errors = new ArrayList<>();
  private Optional<ConfigKey> key;
  private boolean looked;
  private String missing = "";

  private EncryptedValues(Path configDir, Map<String, String> env) {
    this.configDir = configDir;
    this.env = env;
  }

  /**
   * Decrypts every encrypted value of {@code root} in place.
   *
   * @param configDir the config file's folder (where {@code .cw_master_key} is looked for)
   * @return the errors found, at the JSON path of each value that could not be decrypted
   */
  public static List<ConfigIssue> decrypt(
      ObjectNode root, Path configDir, Map<String, String> env) {
    Objects.requireNonNull(root, "root");
    EncryptedValues values =
        new EncryptedValues(
            Objects.requireNonNull(configDir, "configDir"), Objects.requireNonNull(env, "env"));
    values.walkObject(root, "");
    return List.copyOf(values.errors);
  }

  /** Whether a config value is one CrossWatch encrypted. */
  public static boolean isEncrypted(JsonNode value) {
    return value != null && value.isString() && value.stringValue().startsWith(PREFIX);
  }

  private void walkObject(ObjectNode node, String path) {
    for (String name : List.copyOf(node.propertyNames())) {
      String child = path.isEmpty() ? name : path + "." + name;
      JsonNode value = node.get(name);
      if (isEncrypted(value)) {
        decryptOne(value.stringValue(), child)
            .ifPresent(v -> node.set(name, StringNode.valueOf(v)));
      } else {
        walk(value, child);
      }
    }
  }

  private void walk(JsonNode value, String path) {
    if (value instanceof ObjectNode object) {
      walkObject(object, path);
    } else if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = path + "[" + i + "]";
        JsonNode element = array.get(i);
        if (isEncrypted(element)) {
          int index = i;
          decryptOne(element.stringValue(), child)
              .ifPresent(v -> array.set(index, StringNode.valueOf(v)));
        } else {
          walk(element, child);
        }
      }
    }
  }

  private Optional<String> decryptOne(String stored, String path) {
    Optional<ConfigKey> found = key(path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String token = stored.substring(PREFIX.length()).strip();
    try {
      String plain = found.get().fernet().decryptText(token);
      KnownSecrets.add(plain);
      return Optional.of(plain);
    } catch (FernetException e) {
      errors.add(
          ConfigIssue.error(
              path,
              "is encrypted (\"enc:v1:…\") and cannot be decrypted with the key from "
                  + found.get().source()
                  + ": "
                  + e.getMessage()
                  + "; keys are looked for in "
                  + ConfigKey.places(configDir)
                  + ", the first found is used"));
      return Optional.empty();
    }
  }

  /** The key, looked for once; empty (with an error at {@code path}) when there is none. */
  private Optional<ConfigKey> key(String path) {
    if (!looked) {
      looked = true;
      try {
        key = ConfigKey.find(env, configDir);
        missing =
            "no key was found (looked in "
                + ConfigKey.places(configDir)
                + "); set one of them to the key CrossWatch uses (its "
                + ConfigKey.FILE_NAME
                + ")";
      } catch (IOException e) {
        key = Optional.empty();
        missing =
            "the key file "
                + ConfigKey.keyFile(configDir)
                + " cannot be read ("
                + e.getMessage()
                + "); make it readable, or set "
                + String.join(" or ", ConfigKey.ENV_NAMES);
      }
    }
    if (key.isEmpty()) {
      errors.add(ConfigIssue.error(path, "is encrypted (\"enc:v1:…\") and " + missing));
    }
    return key;
  }
}
