package io.crosswatch.server.web;

import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.scrobble.NowPlaying;
import io.crosswatch.core.scrobble.ScrobbleNotice;
import io.crosswatch.server.scrobble.ScrobbleStatus;
import java.util.List;
import java.util.Locale;

/** The dashboard's "Now playing / recent scrobbles" panel. */
public record ScrobbleView(
    boolean enabled,
    boolean running,
    List<Playing> playing,
    List<Recent> recent,
    List<String> warnings) {

  /** One playback in progress. */
  public record Playing(String who, String title, String state, String progress, String at) {}

  /** One notice: what happened, to which title and sink. */
  public record Recent(
      String at, String event, String tone, String who, String title, String sink, String detail) {}

  static ScrobbleView of(ScrobbleStatus s) {
    return new ScrobbleView(
        s.enabled(),
        s.running(),
        s.nowPlaying().stream().map(ScrobbleView::playing).toList(),
        s.recent().stream().map(ScrobbleView::recent).toList(),
        s.warnings());
  }

  private static Playing playing(NowPlaying p) {
    return new Playing(
        p.user() + " on " + label(p.source(), p.instance()),
        p.item().label(),
        p.state().name().toLowerCase(Locale.ROOT),
        Math.round(p.progressPercent()) + " %",
        Html.time(p.updatedAt()));
  }

  private static Recent recent(ScrobbleNotice n) {
    String event = n.event().startsWith("scrobble:") ? n.event().substring(9) : n.event();
    String tone =
        switch (event) {
          case "sent", "stop" -> "ok";
          case "queued", "pause" -> "warn";
          case "failed" -> "bad";
          default -> "";
        };
    String what =
        n.action() == null || !List.of("sent", "queued", "failed").contains(event)
            ? event
            : n.action().key() + " " + event;
    return new Recent(
        Html.time(n.at()),
        what,
        tone,
        n.user() == null ? "" : n.user(),
        n.item() == null ? "" : n.item().label(),
        n.sink() == null ? "" : n.sink(),
        n.detail() == null ? "" : KnownSecrets.mask(n.detail()));
  }

  private static String label(String source, String instance) {
    return "default".equals(instance) ? source : source + ":" + instance;
  }
}
