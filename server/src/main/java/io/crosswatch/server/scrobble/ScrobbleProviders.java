package io.crosswatch.server.scrobble;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.ScrobbleSettings;
import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.PlaybackSource;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-lived provider instances of the {@code scrobble} block's sources and sinks, one per
 * {@code PROVIDER:instance}; a provider that cannot be built (or is not a source or sink) becomes a
 * warning instead.
 */
final class ScrobbleProviders implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScrobbleProviders.class);

  private final Map<String, PlaybackSource> sources = new LinkedHashMap<>();
  private final Map<String, ScrobbleTarget> sinks = new LinkedHashMap<>();
  private final Map<String, Provider> built = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private volatile boolean settingUp = true;

  private ScrobbleProviders() {}

  /** Builds the providers the config's {@code scrobble} block names. */
  static ScrobbleProviders build(
      Config config, ProviderRegistry registry, Path stateDir, Clock clock) {
    ScrobbleProviders p = new ScrobbleProviders();
    SplittableRandom random = new SplittableRandom();
    for (ScrobbleSettings.Source s : config.scrobble().sources()) {
      p.instance(config, registry, s.provider(), s.instance(), stateDir, clock, random)
          .ifPresent(
              provider -> {
                Optional<PlaybackSource> source = provider.playbackSource();
                if (source.isPresent()) {
                  p.sources.put(label(s.provider(), s.instance()), source.get());
                } else {
                  p.warn(label(s.provider(), s.instance()) + " cannot report plays");
                }
              });
    }
    for (ScrobbleSettings.Sink s : config.scrobble().sinks()) {
      p.instance(config, registry, s.provider(), s.instance(), stateDir, clock, random)
          .ifPresent(
              provider -> {
                Optional<ScrobbleTarget> target = provider.scrobbleTarget();
                if (target.isPresent()) {
                  p.sinks.put(s.label(), target.get());
                } else {
                  p.warn(s.label() + " cannot receive scrobbles");
                }
              });
    }
    return p;
  }

  /** {@code PROVIDER:instance}. */
  static String label(String provider, String instance) {
    return provider + ":" + instance;
  }

  /** The sources that could be built, by {@code PROVIDER:instance}. */
  Map<String, PlaybackSource> sources() {
    return sources;
  }

  /** The sinks that could be built, by {@code PROVIDER:instance}. */
  Map<String, ScrobbleTarget> sinks() {
    return sinks;
  }

  /** What could not be built, one sentence each. */
  List<String> warnings() {
    return warnings;
  }

  /** Logs and keeps a warning, with every known secret in it masked (it quotes exceptions). */
  void warn(String message) {
    String masked = KnownSecrets.mask(message);
    LOG.warn("scrobbling: {}", masked);
    warnings.add(masked);
  }

  /**
   * Ends the setting up: until then the providers' own warnings (e.g. a watcher without a server to
   * watch) are kept with the others; later ones only go to the log.
   */
  void setUpDone() {
    settingUp = false;
  }

  private Optional<Provider> instance(
      Config config,
      ProviderRegistry registry,
      String name,
      String instance,
      Path stateDir,
      Clock clock,
      SplittableRandom random) {
    String label = label(name, instance);
    if (built.containsKey(label)) {
      return Optional.of(built.get(label));
    }
    Optional<ProviderFactory> factory = registry.factory(name);
    if (factory.isEmpty()) {
      warn(label + " is not available in this build");
      return Optional.empty();
    }
    ProviderContext context =
        config.providerContext(
            factory.get(),
            instance,
            stateDir,
            clock,
            new ProviderLog(label),
            Sleeper.SYSTEM,
            new SplittableRandom(random.nextLong()));
    try {
      Provider provider = factory.get().create(context);
      built.put(label, provider);
      return Optional.of(provider);
    } catch (ProviderException | RuntimeException e) {
      warn(label + " could not be set up, its scrobbles are off: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Closes every provider built. */
  @Override
  public void close() {
    for (Map.Entry<String, Provider> e : built.entrySet()) {
      try {
        e.getValue().close();
      } catch (Exception ex) {
        LOG.warn("scrobbling: closing {} failed: {}", e.getKey(), ex.toString());
      }
    }
  }

  /** Provider diagnostics to the service's log; warnings while setting up are also kept. */
  private final class ProviderLog implements DiagnosticLog {
    private final String label;

    ProviderLog(String label) {
      this.label = label;
    }

    @Override
    public void debug(String message) {
      LOG.debug("{}: {}", label, message);
    }

    @Override
    public void warn(String message) {
      String masked = KnownSecrets.mask(message);
      String line = masked.startsWith(label) ? masked : label + ": " + masked;
      LOG.warn("{}", line);
      if (settingUp) {
        warnings.add(line);
      }
    }
  }
}
