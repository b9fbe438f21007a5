package io.crosswatch.core.scrobble;

import java.util.Locale;

/** The scrobble call a sink receives: {@code /scrobble/start}, {@code /pause} or {@code /stop}. */
public enum ScrobbleAction {
  START,
  PAUSE,
  STOP;

  /** The lower-case name used in endpoints, events and metrics labels. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
