package io.crosswatch.providers.http;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTP client for a home server's {@code verify_ssl: false}: servers reached by LAN address
 * present certificates (self-signed, or for {@code *.plex.direct} names) that cannot be checked.
 * Only a media server's own client uses it; internet services are always verified.
 */
public final class TrustingTls {

  private TrustingTls() {}

  /** An HTTP/1.1 client that accepts any certificate and never follows redirects. */
  public static HttpClient trustingClient(Duration connectTimeout) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .sslContext(context)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS support in this Java runtime", e);
    }
  }

  /**
   * Accepts every certificate. An extended trust manager is not wrapped by the runtime, so the host
   * name check (which it would add) is skipped too.
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
