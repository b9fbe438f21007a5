package io.crosswatch.core.provider;

import java.util.Objects;

/**
 * One option of a provider's command ({@link SignIn}, {@link ProviderCommand}).
 *
 * @param name the option as typed, e.g. {@code --api-key-stdin}
 * @param paramLabel the value's label in help ({@code USER}); {@code null} for a flag without value
 * @param description the help line
 * @param required whether the command needs the option
 */
public record CommandOption(String name, String paramLabel, String description, boolean required) {
  public CommandOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }

  /** An option without value. */
  public static CommandOption flag(String name, String description) {
    return new CommandOption(name, null, description, false);
  }

  /** An option with one value. */
  public static CommandOption value(String name, String paramLabel, String description) {
    return new CommandOption(
        name, Objects.requireNonNull(paramLabel, "paramLabel"), description, false);
  }

  /** A required option with one value. */
  public static CommandOption required(String name, String paramLabel, String description) {
    return new CommandOption(
        name, Objects.requireNonNull(paramLabel, "paramLabel"), description, true);
  }

  /** Whether the option takes no value. */
  public boolean isFlag() {
    return paramLabel == null;
  }
}
