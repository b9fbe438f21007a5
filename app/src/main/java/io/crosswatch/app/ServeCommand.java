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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

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
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    Signal.handle(new Signal("INT"), s -> stop.countDown());
    CrosswatchServer server =
        CrosswatchServer.start(
            new ServeSettings(file, dir, ctx.registry(), ctx.clock(), version), address);
    ctx.err()
        .println("crosswatch serves http://" + hostForUrl(address) + ":" + server.port() + "/");
    ctx.err().flush();
    stop.await();
    ctx.err().println("crosswatch is stopping: the running run (if any) finishes its chunk first");
    boolean clean = server.shutdown(GRACE);
    if (!clean) {
      ctx.err().println("a run did not end within " + GRACE.toSeconds() + " s; it is cut off");
    }
    return ExitCodes.OK;
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

  private static String hostForUrl(Listen l) {
    return l.host().contains(":") ? "[" + l.host() + "]" : l.host();
  }
}
