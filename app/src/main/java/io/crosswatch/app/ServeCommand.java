package io.crosswatch.app;

import io.crosswatch.server.AccessRule;
import io.crosswatch.server.Role;
import io.crosswatch.server.WebServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cw serve}: runs crosswatch as a service with a web page, an API and a schedule. */
@Command(
    name = "serve",
    description = "Runs crosswatch as a service: web pages, REST API, schedule and metrics.")
final class ServeCommand implements Callable<Integer> {
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
    AccessRule closed =
        c -> {
          if (!c.routeRoles().contains(Role.PUBLIC)) {
            c.status(401).json(Map.of("error", "sign in first"));
            c.skipRemainingHandlers();
          }
        };
    CountDownLatch stop = new CountDownLatch(1);
    try (WebServer server = WebServer.start("127.0.0.1", 8787, closed, List.of())) {
      ctx.err().println("crosswatch listening on http://127.0.0.1:" + server.port());
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return ExitCodes.OK;
  }
}
