package io.crosswatch.core.scrobble;

/** What a provider can be in scrobbling: a media server that reports plays, or a sink for them. */
public enum ScrobbleRole {
  SOURCE,
  SINK
}
