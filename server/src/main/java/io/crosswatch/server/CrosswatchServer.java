package io.crosswatch.server;

import io.crosswatch.core.config.ScheduleSettings;
import io.crosswatch.server.api.ApiRoutes;
import io.crosswatch.server.api.ConfigService;
import io.crosswatch.server.api.HealthService;
import io.crosswatch.server.api.StateService;
import io.crosswatch.server.auth.AccessControl;
import io.crosswatch.server.auth.AuthRoutes;
import io.crosswatch.server.auth.LoginThrottle;
import io.crosswatch.server.auth.Sessions;
import io.crosswatch.server.auth.WebSecrets;
import io.crosswatch.server.auth.WebhookSecrets;
import io.crosswatch.server.metrics.CommandLineRuns;
import io.crosswatch.server.metrics.ServiceMetrics;
import io.crosswatch.server.runs.RunService;
import io.crosswatch.server.schedule.Notifier;
import io.crosswatch.server.schedule.Scheduler;
import io.crosswatch.server.scrobble.ScrobbleApi;
import io.crosswatch.server.scrobble.ScrobbleLog;
import io.crosswatch.server.scrobble.ScrobbleService;
import io.crosswatch.server.scrobble.WebhookRoutes;
import io.javalin.router.ParsedEndpoint;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole service: API, pages, logins, run service, scheduler, notifications, metrics and live
 * scrobbling over one config file and state dir.
 *
 * <p>Lifecycle: 1. {@link #start} starts scrobbling (when the config enables it), listens and
 * starts the scheduler; 2. requests, webhooks and scheduled runs are served; a saved config applies
 * to scrobbling at once, an edit on disk within {@value #CONFIG_CHECK_SECONDS} s; 3. {@link
 * #shutdown} stops taking work, lets a running run finish its chunk in flight and commit, stops
 * listening and then stops scrobbling (its queued calls stay in the state database).
 */
public final class CrosswatchServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrosswatchServer.class);

  /** How often the config file is checked for edits that change scrobbling. */
  static final int CONFIG_CHECK_SECONDS = 5;

  private final Services services;
  private final Scheduler scheduler;
  private final Notifier notifier;
  private final WebServer web;
  private final ScheduledExecutorService configCheck;

  private CrosswatchServer(
      Services services,
      Scheduler scheduler,
      Notifier notifier,
      WebServer web,
      ScheduledExecutorService configCheck) {
    this.services = services;
    this.scheduler = scheduler;
    this.notifier = notifier;
    this.web = web;
    this.configCheck = configCheck;
  }

  /**
   * Starts the service on {@code listen} (port 0 picks a free port) with the page routes found on
   * the class path ({@code META-INF/services/io.crosswatch.server.PageRoutes}).
   */
  public static CrosswatchServer start(ServeSettings settings, Listen listen) {
    List<PageRoutes> pages = new ArrayList<>();
    java.util.ServiceLoader.load(PageRoutes.class).forEach(pages::add);
    return start(settings, listen, pages);
  }

  /**
   * Starts the service on {@code listen} (port 0 picks a free port).
   *
   * @param pages the web pages' routes (none for an API-only service)
   */
  public static CrosswatchServer start(
      ServeSettings settings, Listen listen, List<PageRoutes> pages) {
    ConfigSource configs =
        new ConfigSource(settings.configFile(), settings.stateDir(), settings.registry());
    ScheduleSource schedule = new ScheduleSource(configs);
    Notifier notifier = new Notifier(() -> schedule.get().webhooks());
    AtomicReference<Scheduler> schedulerRef = new AtomicReference<>();
    ServiceMetrics metrics = new ServiceMetrics(() -> schedulerRef.get().nextRunAt());
    SplittableRandom random = new SplittableRandom();
    RunService runs =
        new RunService(configs, settings.clock(), random.split(), List.of(metrics, notifier));
    Scheduler scheduler =
        new Scheduler(
            schedule, settings.clock(), ZoneId.systemDefault(), random.split(), runs::start);
    schedulerRef.set(scheduler);
    metrics.countCommandLineRuns(
        new CommandLineRuns(
            () -> runs.storedRuns(CommandLineRuns.WINDOW), settings.clock().instant()));
    WebSecrets secrets = new WebSecrets(settings.stateDir());
    Sessions sessions = new Sessions(settings.clock());
    ScrobbleLog scrobbleLog = new ScrobbleLog(settings.stateDir());
    ScrobbleService scrobbling =
        new ScrobbleService(
            configs,
            settings.scrobblers(),
            settings.clock(),
            notice -> {
              scrobbleLog.notice(notice);
              metrics.notice(notice);
            });
    metrics.scrobbleQueue(scrobbling::pendingCalls);
    WebhookSecrets webhookSecrets = new WebhookSecrets(settings.stateDir());
    ConfigService configService = new ConfigService(settings.configFile(), settings.registry());
    configService.onSaved(scrobbling::refresh);
    Services services =
        new Services(
            settings.version(),
            configs,
            runs,
            configService,
            new StateService(settings.stateDir()),
            new HealthService(configs, settings.clock(), metrics::health),
            scheduler,
            secrets,
            sessions,
            scrobbling,
            webhookSecrets);
    scrobbling.refreshIfFileChanged();
    List<Routes> groups = new ArrayList<>();
    groups.add(new WebhookRoutes(scrobbling, webhookSecrets, metrics));
    groups.add(new ScrobbleApi(scrobbling));
    groups.add(new AuthRoutes(secrets, sessions, new LoginThrottle(settings.clock())));
    groups.add(
        new ApiRoutes(
            settings.version(),
            runs,
            services.config(),
            services.state(),
            services.health(),
            scheduler,
            metrics));
    pages.forEach(p -> groups.add(p.create(services)));
    WebServer web =
        WebServer.start(listen.host(), listen.port(), new AccessControl(sessions, secrets), groups);
    scheduler.start();
    ScheduledExecutorService configCheck =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "crosswatch-config-check");
              t.setDaemon(true);
              return t;
            });
    configCheck.scheduleWithFixedDelay(
        () -> {
          try {
            scrobbling.refreshIfFileChanged();
          } catch (RuntimeException e) {
            LOG.warn("scrobbling: applying the changed config failed: {}", e.toString());
          }
        },
        CONFIG_CHECK_SECONDS,
        CONFIG_CHECK_SECONDS,
        TimeUnit.SECONDS);
    LOG.info("crosswatch serves {} on {}", settings.configFile(), listen.host() + ":" + web.port());
    return new CrosswatchServer(services, scheduler, notifier, web, configCheck);
  }

  /** The parts page handlers and tests use. */
  public Services services() {
    return services;
  }

  /** The port it listens on. */
  public int port() {
    return web.port();
  }

  /** Every HTTP route the router knows. */
  public List<ParsedEndpoint> endpoints() {
    return web.endpoints();
  }

  /**
   * Stops gracefully: no new run or scheduled slot; a running run finishes the chunk in flight,
   * commits and ends; queued notifications are sent; then the server stops listening.
   *
   * @return whether the running run (if any) ended within {@code timeout}
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    scheduler.close();
    boolean ended = services.runs().shutdown(timeout);
    notifier.drain(Duration.ofSeconds(5));
    configCheck.shutdownNow();
    web.close();
    services.scrobbling().close();
    return ended;
  }

  @Override
  public void close() {
    scheduler.close();
    configCheck.shutdownNow();
    services.runs().close();
    notifier.close();
    web.close();
    services.scrobbling().close();
  }

  /** The schedule of the config on disk, read again when the file changes. */
  private static final class ScheduleSource
      implements java.util.function.Supplier<ScheduleSettings> {
    private final ConfigSource configs;
    // the file's stamp and the settings read then; read without a lock on every request
    private volatile Seen seen = new Seen(null, ScheduleSettings.DEFAULTS);

    ScheduleSource(ConfigSource configs) {
      this.configs = configs;
    }

    @Override
    public ScheduleSettings get() {
      FileStamp stamp = FileStamp.of(configs.file());
      if (stamp.modified() == null) {
        return seen.settings(); // missing or unreadable: the last settings stay
      }
      Seen last = seen;
      return stamp.equals(last.stamp()) ? last.settings() : read(stamp);
    }

    private synchronized ScheduleSettings read(FileStamp stamp) {
      if (!stamp.equals(seen.stamp())) {
        try {
          seen = new Seen(stamp, configs.loadChecked().config().scheduling());
        } catch (ApiProblem e) {
          seen = new Seen(stamp, seen.settings());
          LOG.warn("the schedule keeps its last settings: {}", e.getMessage());
        }
      }
      return seen.settings();
    }

    private record Seen(FileStamp stamp, ScheduleSettings settings) {}
  }
}
