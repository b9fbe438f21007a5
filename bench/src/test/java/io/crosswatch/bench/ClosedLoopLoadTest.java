package io.crosswatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClosedLoopLoadTest {
  private static final Predicate<byte[]> JSON_OBJECT =
      b -> {
        String s = new String(b, StandardCharsets.UTF_8).strip();
        return s.startsWith("{") && s.endsWith("}");
      };

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    pool.shutdownNow();
  }

  /** Answers every request with {@code status} and {@code body}, after all clients have one out. */
  private InetSocketAddress serve(int status, String body, CountDownLatch allSent)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext(
        "/api/status",
        (HttpExchange x) -> {
          received.incrementAndGet();
          clientPorts.add(x.getRemoteAddress().getPort());
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          allSent.countDown();
          try {
            allSent.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] b = body.getBytes(StandardCharsets.UTF_8);
          inFlight.decrementAndGet();
          x.getResponseHeaders().set("Content-Type", "application/json");
          x.sendResponseHeaders(status, b.length);
          x.getResponseBody().write(b);
          x.close();
        });
    server.start();
    return server.getAddress();
  }

  private static ClosedLoopLoad load(InetSocketAddress a) {
    return new ClosedLoopLoad(
        a,
        ClosedLoopLoad.get(a, "/api/status", "Authorization: Bearer t"),
        JSON_OBJECT,
        System::nanoTime);
  }

  @Test
  void keepsOneRequestOutstandingOnEachClientsOwnConnectionAndTimesEveryAnswer() throws Exception {
    int clients = 20;
    InetSocketAddress a = serve(200, "{\"version\": \"1\"}", new CountDownLatch(clients));

    ClosedLoopLoad.Result r = load(a).run(clients, Duration.ofMillis(400), Duration.ofSeconds(10));

    assertThat(mostInFlight.get()).isEqualTo(clients);
    assertThat(clientPorts).hasSize(clients);
    assertThat(r.errors()).isZero();
    assertThat(r.answers()).isGreaterThan(clients).isEqualTo(received.get());
    assertThat(r.latenciesNs()).hasSize((int) r.requests()).isSorted();
    assertThat(r.latenciesNs()[0]).isPositive();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {"503|{\"error\": \"busy\"}", "200|<html>ok</html>"})
  void countsAnAnswerOtherThan200OrWithABodyTheCheckRefusesAsAnError(int status, String body)
      throws Exception {
    InetSocketAddress a = serve(status, body, new CountDownLatch(1));

    ClosedLoopLoad.Result r = load(a).run(2, Duration.ofMillis(200), Duration.ofSeconds(10));

    assertThat(r.answers()).isZero();
    assertThat(r.errors()).isPositive().isEqualTo(received.get());
  }

  @Test
  void readsTheContentLengthOfAHead() {
    String head = "HTTP/1.1 200 OK\r\nDate: x\r\ncontent-length: 242\r\n\r\n";
    byte[] bytes = (head + "{}").getBytes(StandardCharsets.US_ASCII);

    assertThat(ClosedLoopLoad.headEnd(bytes, bytes.length)).isEqualTo(head.length());
    assertThat(ClosedLoopLoad.headEnd(bytes, head.length() - 1)).isEqualTo(-1);
    assertThat(ClosedLoopLoad.contentLength(head)).isEqualTo(242);
    assertThat(ClosedLoopLoad.contentLength("HTTP/1.1 200 OK\r\n\r\n")).isEqualTo(-1);
  }
}
