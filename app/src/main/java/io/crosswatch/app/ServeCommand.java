package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.server.CrosswatchServer;
import io.crosswatch.server.Listen;
import io.crosswatch.server.ServeSettings;
import io.crosswatch.server.auth.WebSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cw serve}: runs crosswatch as a service with web pages, an API and a schedule. */
@Command(
    name = "serve",
    description = "Runs crosswatch as a service: web pages, REST API, schedule and metrics.")
final class ServeCommand implements Callable<Integer> {
  /** How long a running run may take to finish its chunk in flight after SIGTERM. */
  static final Duration GRACE = Duration.ofSeconds(25);

  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State folder.")
  Path stateDir;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "Address to listen on; default web.listen, else 127.0.0.1:8787.")
  String listen;

  ServeCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Path file = Configs.configPath(ctx, config);
    Config cfg = Configs.load(ctx, file).config();
    Path dir = Configs.createStateDir(Configs.stateDir(ctx, stateDir, cfg.runtime()));
    Listen address = address(cfg);
    if (!address.loopback() && !new WebSecrets(dir).hasPassword()) {
      throw CommandFailure.usage(
          "refusing to listen on "
              + address
              + " without a web password: anyone on the network could use crosswatch. Set one"
              + " with: cw web passwd --password-stdin"
              + (stateDir == null ? "" : " --state-dir " + dir)
              + ", or listen on 127.0.0.1");
    }
    String version =
        Objects.requireNonNullElse(
            Main.class.getPackage().getImplementationVersion(), "development build");
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stoppedCleanly = new AtomicBoolean();
    Thread hook =
        new Thread(() -> stopOnShutdown(stop, stopped, stoppedCleanly), "crosswatch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      CrosswatchServer server =
          CrosswatchServer.start(
              new ServeSettings(file, dir, ctx.registry(), ctx.clock(), version), address);
      ctx.err()
          .println("crosswatch serves http://" + new Listen(address.host(), server.port()) + "/");
      ctx.err().flush();
      stop.await();
      ctx.err()
          .println("crosswatch is stopping: the running run (if any) finishes its chunk first");
      boolean clean = server.shutdown(GRACE);
      if (!clean) {
        ctx.err().println("a run did not end within " + GRACE.toSeconds() + " s; it is cut off");
      }
      ctx.err().flush();
      stoppedCleanly.set(true);
      return ExitCodes.OK;
    } finally {
      stopped.countDown();
    }
  }

  /**
   * The JVM's shutdown (SIGTERM, SIGINT, SIGHUP) asks the service to stop, waits until it has
   * stopped gracefully and then ends the process with exit code 0, not the signal's; any other end
   * (the service failed to start) keeps its own exit code.
   */
  private static void stopOnShutdown(
      CountDownLatch stop, CountDownLatch stopped, AtomicBoolean stoppedCleanly) {
    stop.countDown();
    try {
      stopped.await(GRACE.plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (stoppedCleanly.get()) {
      Runtime.getRuntime().halt(ExitCodes.OK);
    }
  }

  private Listen address(Config cfg) {
    String text = listen != null ? listen : cfg.web().listen();
    if (text == null) {
      return Listen.DEFAULT;
    }
    try {
      return Listen.parse(text);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage((listen != null ? "--listen: " : "web.listen: ") + e.getMessage());
    }
  }
}
