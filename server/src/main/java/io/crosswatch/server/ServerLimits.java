package io.crosswatch.server;

/** Limits of the web server that clients can run into. */
public final class ServerLimits {
  /** Request bodies above this size (1 MB) are refused with 413. */
  public static final long MAX_BODY_BYTES = 1_000_000;

  private ServerLimits() {}
}
