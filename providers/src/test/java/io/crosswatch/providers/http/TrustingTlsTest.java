package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code verify_ssl: false}: a home server with a self-signed certificate is reachable. */
class TrustingTlsTest {
  private SelfSignedHttps server;

  @BeforeEach
  void startSelfSignedServer() throws Exception {
    server =
        SelfSignedHttps.serving(
            exchange -> {
              byte[] body =
                  "{\"ProductName\":\"Jellyfin Server\"}".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest info() {
    return HttpRequest.newBuilder(server.baseUri().resolve("/System/Info/Public")).build();
  }

  @Test
  void theTrustingClientReachesASelfSignedServer() throws Exception {
    HttpResponse<String> answer =
        TrustingTls.trustingClient(Duration.ofSeconds(5))
            .send(info(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("Jellyfin Server");
  }

  @Test
  void anOrdinaryClientRefusesIt() {
    assertThatThrownBy(
            () -> HttpClient.newHttpClient().send(info(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }
}
