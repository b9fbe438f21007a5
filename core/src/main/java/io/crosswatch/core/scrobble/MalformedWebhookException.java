package io.crosswatch.core.scrobble;

/**
 * A webhook body a media server posted that cannot be read (not JSON, a missing part or field); the
 * message says what is wrong and never quotes the body, which may hold tokens.
 */
public class MalformedWebhookException extends Exception {
  public MalformedWebhookException(String message) {
    super(message);
  }

  public MalformedWebhookException(String message, Throwable cause) {
    super(message, cause);
  }
}
