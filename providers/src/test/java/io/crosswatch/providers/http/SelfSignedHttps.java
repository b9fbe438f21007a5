package io.crosswatch.providers.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTPS server with a self-signed certificate (for {@code jellyfin.local}, made once per
 * test run with the JDK's {@code keytool}), as a home server reached by LAN address presents one:
 * it answers with a handler, or forwards every request to a plain-HTTP fake.
 */
public final class SelfSignedHttps implements AutoCloseable {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");
  private static SSLContext tls;

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  private SelfSignedHttps(HttpHandler handler) throws IOException {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
  }

  /** A started server answering every request with {@code handler}. */
  public static SelfSignedHttps serving(HttpHandler handler) throws IOException {
    return new SelfSignedHttps(Objects.requireNonNull(handler, "handler"));
  }

  /**
   * A started server that forwards every request (method, path, query, headers, body) to {@code
   * target}, a plain-HTTP loopback server, and relays its answer.
   */
  public static SelfSignedHttps inFrontOf(URI target) throws IOException {
    Objects.requireNonNull(target, "target");
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new SelfSignedHttps(exchange -> forward(plain, target, exchange));
  }

  /** {@code https://127.0.0.1:PORT}. */
  public URI baseUri() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void forward(HttpClient plain, URI target, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(10))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
          h.getValue().forEach(v -> request.header(h.getKey(), v));
        }
      }
      HttpResponse<byte[]> answer =
          plain.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] reply = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), reply.length == 0 ? -1 : reply.length);
      exchange.getResponseBody().write(reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding", e);
    }
  }

  /** The server side of TLS with a fresh self-signed key pair, made once. */
  private static synchronized SSLContext selfSigned() throws IOException {
    if (tls == null) {
      try {
        tls = newContext();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot set up TLS for the test server", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running keytool", e);
      }
    }
    return tls;
  }

  private static SSLContext newContext()
      throws IOException, GeneralSecurityException, InterruptedException {
    Path dir = Files.createTempDirectory("self-signed");
    Path keystore = dir.resolve("server.p12");
    try {
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=jellyfin.local",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  keystore.toString(),
                  "-storepass",
                  new String(PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output;
      try (InputStream out = keytool.getInputStream()) {
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (keytool.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        ks.load(in, PASSWORD);
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } finally {
      Files.deleteIfExists(keystore);
      Files.deleteIfExists(dir);
    }
  }
}
