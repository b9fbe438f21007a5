package io.crosswatch.providers.http;

import io.crosswatch.core.provider.DiagnosticLog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes one {@code debug_http} line per attempt, with secrets removed. */
final class HttpLog {
  private final String provider;
  private final DiagnosticLog log;
  private final boolean enabled;
  private volatile Redactor redactor;

  HttpLog(String provider, DiagnosticLog log, boolean enabled, Redactor redactor) {
    this.provider = provider;
    this.log = log;
    this.enabled = enabled;
    this.redactor = redactor;
  }

  /** Masks these values too from now on (tokens issued while the client is in use). */
  synchronized void addSecrets(java.util.Collection<String> values) {
    redactor = redactor.withSecrets(values);
  }

  void answer(String method, URI uri, HttpAnswer answer, Duration elapsed) {
    if (!enabled) {
      return;
    }
    StringBuilder sb = start(method, uri).append(answer.status());
    end(sb, elapsed, answer.call().attempts());
    appendRateHeaders(sb, answer.headers().map());
    log.debug(redactor.text(sb.toString()));
  }

  void failure(String method, URI uri, Exception e, Duration elapsed) {
    if (!enabled) {
      return;
    }
    StringBuilder sb = start(method, uri).append("error ").append(e.getClass().getSimpleName());
    end(sb, elapsed, 0);
    log.debug(redactor.text(sb.toString()));
  }

  private StringBuilder start(String method, URI uri) {
    return new StringBuilder(160)
        .append("http ")
        .append(provider)
        .append(' ')
        .append(method)
        .append(' ')
        .append(redactor.url(uri.toString()))
        .append(" -> ");
  }

  private static void end(StringBuilder sb, Duration elapsed, int attempt) {
    sb.append(' ').append(elapsed.toMillis()).append("ms");
    if (attempt > 1) {
      sb.append(" attempt=").append(attempt);
    }
  }

  private void appendRateHeaders(StringBuilder sb, Map<String, List<String>> headers) {
    headers.forEach(
        (name, values) -> {
          if (isRateHeader(name) && !Redactor.isSecretHeader(name)) {
            sb.append(' ').append(name).append('=').append(String.join(",", values));
          }
        });
  }

  private static boolean isRateHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("x-ratelimit")
        || n.startsWith("ratelimit")
        || n.equals("retry-after")
        || n.startsWith("x-account-limit");
  }
}
