package io.crosswatch.server.scrobble;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.ScrobbleSettings;
import io.crosswatch.core.config.ScrobbleSettings.Via;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackSource;
import io.crosswatch.core.scrobble.ScrobbleEngine;
import io.crosswatch.core.scrobble.ScrobbleObserver;
import io.crosswatch.core.scrobble.Scrobbler;
import io.crosswatch.server.ApiProblem;
import io.crosswatch.server.ConfigSource;
import io.crosswatch.server.FileStamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live scrobbling inside the service: builds the sources' and sinks' providers and the {@link
 * Scrobbler} when the config enables it, starts the watchers, hands webhook reports to the
 * scrobbler, and starts everything again when the {@code scrobble} block (or the settings of a
 * provider it uses) changes.
 *
 * <p>Lifecycle: 1. {@link #refresh} (at start, after each config save, and on a timer for edits on
 * disk) compares the config with what runs and, when it changed, stops the old set (watchers,
 * scrobbler, providers; queued calls stay in the state database) and starts the new one; 2.
 * webhooks are delivered while no restart is going on; 3. {@link #close} stops everything.
 */
public final class ScrobbleService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScrobbleService.class);

  private final ConfigSource configs;
  private final ScrobblerFactory factory;
  private final Clock clock;
  private final ScrobbleObserver observer;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private Active active = Active.OFF;
  private FileStamp seenFile;
  private boolean closed;

  /**
   * @param observer told of every notice of every scrobbler this service starts (log, metrics)
   */
  public ScrobbleService(
      ConfigSource configs, ScrobblerFactory factory, Clock clock, ScrobbleObserver observer) {
    this.configs = Objects.requireNonNull(configs, "configs");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** Reads the config file when it changed on disk and applies its {@code scrobble} block. */
  public void refreshIfFileChanged() {
    FileStamp stamp = FileStamp.of(configs.file());
    if (stamp.modified() == null) {
      return;
    }
    synchronized (this) {
      if (stamp.equals(seenFile)) {
        return;
      }
      seenFile = stamp;
    }
    refresh();
  }

  /**
   * Applies the config on disk: starts, restarts or stops scrobbling when its settings differ from
   * what runs. An invalid config keeps what runs (and says so in the log).
   */
  public void refresh() {
    Config config;
    try {
      config = configs.load();
    } catch (ApiProblem e) {
      LOG.warn("scrobbling keeps its current settings: {}", e.getMessage());
      return;
    }
    String fingerprint = fingerprint(config);
    lock.writeLock().lock();
    try {
      if (closed || fingerprint.equals(active.fingerprint())) {
        return;
      }
      if (active.scrobbler() != null || !active.warnings().isEmpty()) {
        LOG.info("scrobbling settings changed; restarting scrobbling");
      }
      active.stop();
      active = start(config, fingerprint);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Active start(Config config, String fingerprint) {
    ScrobbleSettings settings = config.scrobble();
    if (!settings.enabled()) {
      return new Active(fingerprint, settings, null, null, List.of(), List.of());
    }
    ScrobbleProviders providers =
        ScrobbleProviders.build(config, configs.registry(), configs.stateDir(), clock);
    Scrobbler scrobbler;
    try {
      scrobbler =
          factory.create(
              new ScrobbleWiring(settings, providers.sinks(), configs.stateDir(), clock, observer));
    } catch (Exception e) {
      providers.warn("the scrobbling engine could not start: " + e.getMessage());
      providers.close();
      return new Active(fingerprint, settings, null, null, List.of(), providers.warnings());
    }
    List<AutoCloseable> watchers = new ArrayList<>();
    for (ScrobbleSettings.Source s : settings.sources()) {
      String label = ScrobbleProviders.label(s.provider(), s.instance());
      PlaybackSource source = providers.sources().get(label);
      if (s.via() != Via.WATCH || source == null) {
        continue;
      }
      try {
        watchers.add(source.watch(scrobbler::accept));
        LOG.info("scrobbling: watching {}", label);
      } catch (RuntimeException e) {
        providers.warn(label + " cannot be watched: " + e.getMessage());
      }
    }
    providers.setUpDone();
    LOG.info(
        "scrobbling from {} to {}",
        String.join(", ", providers.sources().keySet()),
        String.join(", ", providers.sinks().keySet()));
    return new Active(fingerprint, settings, scrobbler, providers, watchers, providers.warnings());
  }

  /**
   * Whether {@code provider:instance} is a configured webhook source of running scrobbling.
   *
   * @throws ApiProblem 404 when it is not configured as a webhook source, 503 when it is but
   *     scrobbling could not start
   */
  public void checkWebhookSource(String provider, String instance) {
    lock.readLock().lock();
    try {
      active.webhookSource(provider, instance);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Reads one webhook body with the source's parser and hands its reports to the scrobbler.
   *
   * @return how many playback reports it held
   * @throws ApiProblem as {@link #checkWebhookSource}
   */
  public int deliver(String provider, String instance, String contentType, byte[] body)
      throws MalformedWebhookException {
    lock.readLock().lock();
    try {
      PlaybackSource source = active.webhookSource(provider, instance);
      List<PlaybackEvent> events = source.parseWebhook(contentType, body);
      for (PlaybackEvent e : events) {
        active.scrobbler().accept(e);
      }
      return events.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** What the dashboard shows: playbacks in progress, the latest notices, warnings. */
  public ScrobbleStatus status(int recentLimit) {
    lock.readLock().lock();
    try {
      Scrobbler s = active.scrobbler();
      if (!active.settings().enabled()) {
        return ScrobbleStatus.OFF;
      }
      return new ScrobbleStatus(
          true,
          s != null,
          s == null ? List.of() : s.nowPlaying(),
          s == null ? List.of() : s.recent(recentLimit),
          active.warnings());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** How many scrobble calls wait in the engine's queue (0 when scrobbling does not run). */
  public int pendingCalls() {
    lock.readLock().lock();
    try {
      return active.scrobbler() instanceof ScrobbleEngine engine ? engine.pending().size() : 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Stops the watchers, the scrobbler (queued calls stay in the state db) and the providers. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      active.stop();
      active = Active.OFF;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * What a restart depends on: the block itself and the settings of every provider instance it
   * names (a new token or server address needs new provider instances).
   */
  private static String fingerprint(Config config) {
    ScrobbleSettings s = config.scrobble();
    if (!s.enabled()) {
      return "off";
    }
    StringBuilder b = new StringBuilder(s.toString());
    b.append('|').append(config.runtime().debugHttp());
    List<String[]> used = new ArrayList<>();
    s.sources().forEach(x -> used.add(new String[] {x.provider(), x.instance()}));
    s.sinks().forEach(x -> used.add(new String[] {x.provider(), x.instance()}));
    for (String[] u : used) {
      b.append('|')
          .append(u[0])
          .append(':')
          .append(u[1])
          .append('=')
          .append(config.instanceSettings(u[0], u[1]).map(Object::toString).orElse("{}"));
    }
    return b.toString();
  }

  /** One started set: settings, scrobbler, providers and watchers. */
  private record Active(
      String fingerprint,
      ScrobbleSettings settings,
      Scrobbler scrobbler,
      ScrobbleProviders providers,
      List<AutoCloseable> watchers,
      List<String> warnings) {
    static final Active OFF =
        new Active("", ScrobbleSettings.DEFAULTS, null, null, List.of(), List.of());

    PlaybackSource webhookSource(String provider, String instance) {
      String label = ScrobbleProviders.label(provider, instance);
      Optional<ScrobbleSettings.Source> configured =
          settings.sources().stream()
              .filter(s -> s.provider().equals(provider) && s.instance().equals(instance))
              .findFirst();
      if (!settings.enabled() || configured.isEmpty() || configured.get().via() != Via.WEBHOOK) {
        throw new ApiProblem(
            404,
            label
                + " is not a webhook source: add {\"provider\": \""
                + provider
                + "\", \"instance\": \""
                + instance
                + "\", \"via\": \"webhook\", \"users\": [...]} to scrobble.sources and set"
                + " scrobble.enabled");
      }
      PlaybackSource source = providers == null ? null : providers.sources().get(label);
      if (scrobbler == null || source == null) {
        throw new ApiProblem(
            503,
            "scrobbling from "
                + label
                + " is not running: "
                + (warnings.isEmpty() ? "it could not start" : String.join("; ", warnings))
                + " (see the service log)");
      }
      return source;
    }

    void stop() {
      for (AutoCloseable w : watchers) {
        try {
          w.close();
        } catch (Exception e) {
          LOG.warn("scrobbling: stopping a watcher failed: {}", e.toString());
        }
      }
      if (scrobbler != null) {
        try {
          scrobbler.close();
        } catch (RuntimeException e) {
          LOG.warn("scrobbling: stopping the scrobbler failed: {}", e.toString());
        }
      }
      if (providers != null) {
        providers.close();
      }
    }
  }
}
