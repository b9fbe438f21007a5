package io.crosswatch.core.provider;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.scrobble.ScrobbleRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Creates {@link Provider} instances of one service; found through {@link java.util.ServiceLoader}.
 *
 * <p>A factory is everything the rest of crosswatch knows about its service: its name (the config
 * block is the lower-case name, its keys are checked by {@link #validate}), the features and id
 * kinds it serves, where it is listed in messages and its sign-in command. Nothing outside the
 * provider's own package names the service, so adding a provider means adding one package and one
 * line to {@code META-INF/services}.
 */
public interface ProviderFactory {

  /** The upper-case provider name as used in pairs, e.g. {@code FILE}; its block is lower case. */
  String name();

  /** The top-level config key of this provider's block: its lower-case name unless it says so. */
  default String blockKey() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Where this provider comes in lists of providers in messages and help ({@code known: FILE,
   * TRACKER, …}): lower first, equal ones by name. The default puts it after the built-in ones.
   */
  default int listOrder() {
    return 1000;
  }

  /**
   * The features instances of this provider can serve at most; an instance may serve fewer (see
   * {@link Provider#features()}), e.g. when its configuration leaves a part of the service out.
   */
  default Set<Feature> features() {
    return EnumSet.allOf(Feature.class);
  }

  /**
   * The id kinds this provider reads from and writes to its service; items it returns carry no
   * other kinds. The default is every kind.
   */
  default Set<IdKind> idKinds() {
    return EnumSet.allOf(IdKind.class);
  }

  /** What instances of this provider can be in scrobbling; none by default. */
  default Set<ScrobbleRole> scrobbleRoles() {
    return Set.of();
  }

  /** The sign-in flow that {@code cw auth <name>} runs, when the service has one. */
  default Optional<SignIn> signIn() {
    return Optional.empty();
  }

  /** Commands of this provider, run as {@code cw <lower-case name> <command>}; usually none. */
  default List<ProviderCommand> commands() {
    return List.of();
  }

  /** The help line of {@code cw <lower-case name>} when the provider has {@link #commands()}. */
  default String commandsDescription() {
    return "Commands of the " + name() + " provider.";
  }

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
