package io.crosswatch.core.provider;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Creates {@link Provider} instances of one service; found through {@link java.util.ServiceLoader}.
 */
public interface ProviderFactory {

  /** The upper-case provider name as used in pairs, e.g. {@code FILE}; its block is lower case. */
  String name();

  /**
   * Checks one instance's settings (the block's own keys, or one entry of {@code instances}) and
   * returns the problems found; {@code path} is the JSON path of that object, e.g. {@code
   * file.instances.backup}. Unknown keys are warnings, wrong types or values errors.
   */
  List<ConfigIssue> validate(JsonNode settings, String path);

  /**
   * The problems of settings that {@link #validate} accepted which matter only once an enabled pair
   * uses the instance: required values left empty (a CrossWatch config carries a block for every
   * service, used or not). The default finds none.
   */
  default List<ConfigIssue> validateForUse(JsonNode settings, String path) {
    return List.of();
  }

  /**
   * Builds one instance; called only with settings that {@link #validate} and {@link
   * #validateForUse} accepted.
   */
  Provider create(ProviderContext context) throws ProviderException;
}
