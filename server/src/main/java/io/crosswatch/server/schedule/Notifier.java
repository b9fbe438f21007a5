package io.crosswatch.server.schedule;

import io.crosswatch.core.config.WebhookSettings;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.run.Totals;
import io.crosswatch.server.Json;
import io.crosswatch.server.runs.RunObserver;
import io.crosswatch.server.runs.RunStart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells outside services about the service's runs ({@code scheduling.webhooks}): POSTs {@code
 * {"event": "start"|"success"|"failure", "run_id", "exit_code", "totals"}} to the start, success or
 * failure URL (exit code 1 is a failure). Sent in order on a background thread; a receiver that
 * fails or is slow is logged and never affects the run. Dry runs send nothing.
 */
public final class Notifier implements RunObserver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final Supplier<WebhookSettings> settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "crosswatch-notify");
            t.setDaemon(true);
            return t;
          });

  public Notifier(Supplier<WebhookSettings> settings) {
    this.settings = settings;
  }

  @Override
  public void started(String runId, RunStart start) {
    if (!start.dryRun()) {
      send("start", runId, null, null);
    }
  }

  @Override
  public void finished(String runId, RunStart start, RunSummary summary) {
    if (!start.dryRun()) {
      boolean failed = summary.exitCode() == 1;
      send(failed ? "failure" : "success", runId, summary.exitCode(), summary.totals());
    }
  }

  private void send(String event, String runId, Integer exitCode, Totals totals) {
    WebhookSettings s = settings.get();
    if (!s.enabled()) {
      return;
    }
    String url =
        switch (event) {
          case "start" -> s.startUrl();
          case "success" -> s.successUrl();
          default -> s.failureUrl();
        };
    if (url.isEmpty()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event);
    body.put("run_id", runId);
    body.put("exit_code", exitCode);
    body.put("totals", totals == null ? null : totals(totals));
    String json = Json.MAPPER.writeValueAsString(body);
    sender.execute(() -> post(url, json, s.timeoutSeconds(), event, runId));
  }

  private void post(String url, String json, int timeoutSeconds, String event, String runId) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(timeoutSeconds))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() >= 300) {
        LOG.warn(
            "notification {} of run {} to {} answered {}",
            event,
            runId,
            hostOf(url),
            answer.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn(
          "notification {} of run {} to {} failed: {}", event, runId, hostOf(url), e.toString());
    }
  }

  /** Only the host is logged: a ping URL's path often is its secret. */
  private static String hostOf(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  private static Map<String, Object> totals(Totals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("added", t.added());
    m.put("removed", t.removed());
    m.put("updated", t.updated());
    m.put("unresolved", t.unresolved());
    m.put("blocked", t.blocked());
    return m;
  }

  /** Waits up to {@code timeout} for queued notifications, e.g. before the process exits. */
  public void drain(Duration timeout) throws InterruptedException {
    sender.shutdown();
    sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
