package io.crosswatch.testkit.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP plumbing of a fake service: a server on 127.0.0.1 (a free port), a request log with
 * counters, and {@link Faults} applied before the fake's own handler sees a request.
 */
public final class LoopbackServer implements AutoCloseable {
  static {
    // The JDK server otherwise waits on delayed ACKs: about 40 ms added to every small answer.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** The fake service's logic: one answer per request. */
  @FunctionalInterface
  public interface Handler {
    FakeResponse handle(FakeRequest request);
  }

  private final Handler handler;
  private final Faults faults;
  private final Clock clock;
  private final List<RecordedRequest> log = new ArrayList<>();
  private HttpServer server;
  private ExecutorService executor;

  public LoopbackServer(Handler handler, Faults faults, Clock clock) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Binds a free loopback port and starts answering. */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "fake-http");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", this::exchange);
    server.setExecutor(executor);
    server.start();
  }

  /** Stops answering and frees the port; safe to call twice. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** {@code http://127.0.0.1:PORT}, no trailing slash. */
  public synchronized URI baseUri() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request received so far, in arrival order. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(log);
  }

  /** Requests per {@code "METHOD /path"}, sorted. */
  public synchronized Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    log.forEach(r -> counts.merge(r.endpoint(), 1L, Long::sum));
    return counts;
  }

  /** How many requests of one {@code "METHOD /path"} arrived. */
  public long count(String endpoint) {
    return counts().getOrDefault(endpoint, 0L);
  }

  /** Forgets the request log. */
  public synchronized void clearLog() {
    log.clear();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      FakeRequest request = read(exchange);
      FakeResponse response;
      try {
        response = answer(request);
      } catch (RuntimeException e) {
        response = FakeResponse.error(500, "fake server bug: " + e);
      }
      synchronized (this) {
        log.add(new RecordedRequest(request, response.status(), clock.instant()));
      }
      write(exchange, response);
    } catch (IOException e) {
      // The client went away (e.g. timed out); nothing left to answer.
    }
  }

  private FakeResponse answer(FakeRequest request) {
    Faults.Injection injection = faults.take(request);
    if (!injection.delay().isZero()) {
      try {
        Thread.sleep(injection.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return injection.response().orElseGet(() -> handler.handle(request));
  }

  private static FakeRequest read(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
    URI uri = exchange.getRequestURI();
    return new FakeRequest(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        uri.getPath(),
        parseQuery(uri.getRawQuery()),
        headers,
        body);
  }

  /** Decoded query parameters of a raw query (first value of each); empty for none. */
  static Map<String, String> parseQuery(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      query.putIfAbsent(name, value);
    }
    return query;
  }

  private static void write(HttpExchange exchange, FakeResponse response) throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
