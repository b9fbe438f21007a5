package io.crosswatch.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code scrobble} block: which media servers report plays live to {@code cw serve}, and which
 * trackers receive them.
 *
 * @param enabled whether {@code cw serve} scrobbles at all
 * @param sources the media servers whose plays are scrobbled
 * @param sinks the trackers each play is sent to
 */
public record ScrobbleSettings(boolean enabled, List<Source> sources, List<Sink> sinks) {
  /** Scrobbling off, nothing configured. */
  public static final ScrobbleSettings DEFAULTS = new ScrobbleSettings(false, List.of(), List.of());

  public ScrobbleSettings {
    sources = List.copyOf(sources);
    sinks = List.copyOf(sinks);
  }

  /** How a source's plays reach the service. */
  public enum Via {
    /** The server posts webhooks to {@code /webhook/<provider>}. */
    WEBHOOK,
    /** The service watches the server (Plex's websocket, Jellyfin's and Emby's sessions). */
    WATCH;

    /** The config spelling, {@code webhook} or {@code watch}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One media server instance whose plays are scrobbled.
   *
   * @param users the server's user names whose plays count; others are ignored
   */
  public record Source(String provider, String instance, Via via, List<String> users) {
    public Source {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(via, "via");
      users = List.copyOf(users);
    }

    /** Whether the server user's plays are scrobbled (names compared without regard to case). */
    public boolean scrobbles(String user) {
      return users.stream().anyMatch(u -> u.equalsIgnoreCase(user));
    }
  }

  /** One tracker instance that receives the plays. */
  public record Sink(String provider, String instance) {
    public Sink {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(instance, "instance");
    }

    /** {@code PROVIDER:instance}, as events and metrics name the sink. */
    public String label() {
      return provider + ":" + instance;
    }
  }
}
