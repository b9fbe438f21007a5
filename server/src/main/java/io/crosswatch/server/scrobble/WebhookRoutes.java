package io.crosswatch.server.scrobble;

import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.server.ApiProblem;
import io.crosswatch.server.Role;
import io.crosswatch.server.Routes;
import io.crosswatch.server.ServerLimits;
import io.crosswatch.server.auth.WebhookSecrets;
import io.crosswatch.server.metrics.ServiceMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook receivers {@code POST /webhook/plex}, {@code /webhook/jellyfin} and {@code
 * /webhook/emby}: public paths that check their own secret ({@code ?token=}, compared in constant
 * time), pick the instance ({@code &instance=}, default {@code default}), read at most 1 MB and
 * hand the reports to scrobbling.
 *
 * <p>Answers, checked in this order: 401 without the right secret (nothing read or recorded, and
 * nothing told about the config); 404 when the source is not a configured webhook source; 400 for a
 * body over 1 MB or one its server's parser cannot read (logged without the body); 503 when
 * scrobbling could not start; else 200 {@code {"reports": n}} once the reports are queued (the
 * sinks are called in the background).
 */
public final class WebhookRoutes implements Routes {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

  /** The media servers that post webhooks, by path segment. */
  private static final String[] SOURCES = {"plex", "jellyfin", "emby"};

  private final ScrobbleService scrobbling;
  private final WebhookSecrets secrets;
  private final ServiceMetrics metrics;

  public WebhookRoutes(ScrobbleService scrobbling, WebhookSecrets secrets, ServiceMetrics metrics) {
    this.scrobbling = scrobbling;
    this.secrets = secrets;
    this.metrics = metrics;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    for (String source : SOURCES) {
      routes.post("/webhook/" + source, ctx -> receive(ctx, source), Role.PUBLIC);
    }
  }

  private void receive(Context ctx, String source) throws IOException {
    String provider = source.toUpperCase(Locale.ROOT);
    String instance = ctx.queryParam("instance");
    if (instance == null || instance.isBlank()) {
      instance = "default";
    }
    String label = provider + ":" + instance;
    try {
      if (!secrets.matches(provider, instance, ctx.queryParam("token"))) {
        LOG.warn(
            "webhook for {} from {} refused: {} secret",
            label,
            ctx.ip(),
            ctx.queryParam("token") == null ? "no" : "a wrong");
        throw new ApiProblem(
            401,
            "the webhook URL lacks the right token for "
                + label
                + "; print the URL with cw web webhooks and paste it into the server");
      }
      scrobbling.checkWebhookSource(provider, instance);
      byte[] body = readLimited(ctx.req().getInputStream());
      if (body == null) {
        LOG.warn("webhook for {} from {} refused: body over 1 MB", label, ctx.ip());
        throw ApiProblem.badRequest(
            "the webhook body is larger than " + ServerLimits.MAX_BODY_BYTES + " bytes");
      }
      int reports;
      try {
        reports = scrobbling.deliver(provider, instance, ctx.contentType(), body);
      } catch (MalformedWebhookException e) {
        String why = KnownSecrets.mask(e.getMessage());
        LOG.warn("webhook for {} from {} cannot be read: {}", label, ctx.ip(), why);
        throw ApiProblem.badRequest("the webhook for " + label + " cannot be read: " + why);
      }
      metrics.webhook(source, 200);
      ctx.json(Map.of("reports", reports));
    } catch (ApiProblem e) {
      metrics.webhook(source, e.status());
      throw e;
    }
  }

  /** The body, or null when it is larger than the limit. */
  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] body = in.readNBytes((int) ServerLimits.MAX_BODY_BYTES + 1);
    return body.length > ServerLimits.MAX_BODY_BYTES ? null : body;
  }
}
