package io.crosswatch.providers.auth;

import java.io.IOException;

/**
 * A token file that could not be read or written; the message names the file and what to do, never
 * a token.
 */
public final class TokenStoreException extends IOException {
  private static final long serialVersionUID = 1L;

  TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
