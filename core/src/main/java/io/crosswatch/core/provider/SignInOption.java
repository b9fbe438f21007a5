package io.crosswatch.core.provider;

import java.util.Objects;

/**
 * One option of a sign-in command.
 *
 * @param name the option as typed, e.g. {@code --api-key-stdin}
 * @param paramLabel the value's label in help ({@code USER}); {@code null} for a flag without value
 * @param description the help line
 */
public record SignInOption(String name, String paramLabel, String description) {
  public SignInOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }

  /** An option without value. */
  public static SignInOption flag(String name, String description) {
    return new SignInOption(name, null, description);
  }

  /** An option with one value. */
  public static SignInOption value(String name, String paramLabel, String description) {
    return new SignInOption(name, Objects.requireNonNull(paramLabel, "paramLabel"), description);
  }

  /** Whether the option takes no value. */
  public boolean isFlag() {
    return paramLabel == null;
  }
}
