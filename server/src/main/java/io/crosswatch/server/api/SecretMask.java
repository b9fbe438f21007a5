package io.crosswatch.server.api;

import io.crosswatch.core.config.secrets.SecretKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks secrets in a config document: every non-empty value under a key that names a secret ({@link
 * SecretKeys}: token, secret, password, api key, …), at any depth, becomes {@code "***"}; and puts
 * stored values back where a client sent {@code "***"}.
 */
public final class SecretMask {
  /** What a secret value is shown as. */
  public static final String MASK = "***";

  private SecretMask() {}

  /** A copy of {@code config} with every secret value replaced by {@code "***"}. */
  public static JsonNode masked(JsonNode config) {
    JsonNode copy = config.deepCopy();
    mask(copy);
    return copy;
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      for (Map.Entry<String, JsonNode> e : new ArrayList<>(obj.properties())) {
        JsonNode v = e.getValue();
        if (SecretKeys.isSecret(e.getKey()) && !v.isContainer() && !isEmpty(v)) {
          obj.put(e.getKey(), MASK);
        } else {
          mask(v);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(SecretMask::mask);
    }
  }

  private static boolean isEmpty(JsonNode v) {
    return v.isNull() || (v.isString() && v.stringValue().isEmpty());
  }

  /**
   * Replaces each {@code "***"} under a secret key of {@code sent} with the value at the same path
   * of {@code stored}.
   *
   * @return the JSON paths of masks with no stored value to keep (the client must send the secret)
   */
  public static List<String> unmask(JsonNode sent, JsonNode stored) {
    List<String> missing = new ArrayList<>();
    unmask(sent, stored, "", missing);
    return missing;
  }

  private static void unmask(JsonNode sent, JsonNode stored, String path, List<String> missing) {
    if (sent instanceof ObjectNode obj) {
      for (Map.Entry<String, JsonNode> e : new ArrayList<>(obj.properties())) {
        String key = e.getKey();
        String childPath = path.isEmpty() ? key : path + "." + key;
        JsonNode old = stored == null ? null : stored.get(key);
        JsonNode v = e.getValue();
        if (SecretKeys.isSecret(key) && v.isString() && MASK.equals(v.stringValue())) {
          if (old == null || old.isContainer()) {
            missing.add(childPath);
          } else {
            obj.set(key, old.deepCopy());
          }
        } else {
          unmask(v, old, childPath, missing);
        }
      }
    } else if (sent instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        JsonNode old = stored != null && stored.isArray() ? stored.get(i) : null;
        unmask(arr.get(i), old, path + "[" + i + "]", missing);
      }
    }
  }
}
