package io.crosswatch.core.scrobble;

/** Told of every {@link ScrobbleNotice} as it happens; must return quickly and never throw. */
@FunctionalInterface
public interface ScrobbleObserver {
  void notice(ScrobbleNotice notice);
}
