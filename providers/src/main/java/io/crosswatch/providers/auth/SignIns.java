package io.crosswatch.providers.auth;

import io.crosswatch.core.provider.CommandException;
import java.util.List;

/** Small helpers the providers' sign-in flows share. */
public final class SignIns {
  private SignIns() {}

  /** A usage error listing the problems, when there are any. */
  public static void requireNone(List<String> problems) throws CommandException {
    if (!problems.isEmpty()) {
      throw CommandException.usage(String.join("\n", problems));
    }
  }

  /** A token file that cannot be read or written ends the sign-in (exit 1) with its message. */
  public static CommandException failed(TokenStoreException e) {
    return CommandException.failed(e.getMessage());
  }
}
